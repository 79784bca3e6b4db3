namespace Hotline.Core.Flows;

public enum TerminalKind { Queue, Voicemail, Hangup }
