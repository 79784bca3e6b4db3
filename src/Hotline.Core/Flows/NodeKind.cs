namespace Hotline.Core.Flows;

internal enum NodeKind
{
    Say,
    Ask,
    Branch,
    Action,
}
