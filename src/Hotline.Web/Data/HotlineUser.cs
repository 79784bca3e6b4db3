using Microsoft.AspNetCore.Identity;

namespace Hotline.Web.Data;

/// <summary>An operator, supervisor or admin of the console.</summary>
public class HotlineUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The phone (or Twilio client identity) a taken call is connected to.</summary>
    public string? OperatorPhone { get; set; }
}
