namespace Hotline.Core.Cases;

public enum TraffickingType
{
    Unknown,
    Sex,
    Labour,
    SexAndLabour,
}
