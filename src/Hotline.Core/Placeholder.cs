namespace Hotline.Core; public static class Placeholder {}
