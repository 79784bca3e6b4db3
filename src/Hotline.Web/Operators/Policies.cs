namespace Hotline.Web.Operators;

public static class Policies
{
    /// <summary>Any signed-in console user (Operator, Supervisor or Admin).</summary>
    public const string Console = "Console";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";
}
