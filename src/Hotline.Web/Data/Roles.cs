namespace Hotline.Web.Data;

public static class Roles
{
    public const string Operator = "Operator";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";
    public static readonly string[] All = [Operator, Supervisor, Admin];
}
