namespace Hotline.Core.Flows;

/// <summary>
/// A node named as the way on. <paramref name="Automatic"/>: taken without waiting for the caller (say and branch),
/// so it must not lead back to its own node.
/// </summary>
internal sealed record NodeExit(string To, int Line, bool Automatic);
