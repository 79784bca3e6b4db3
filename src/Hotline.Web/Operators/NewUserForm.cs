using System.ComponentModel.DataAnnotations;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

public sealed class NewUserForm
{
    [Required, Display(Name = "Name shown to colleagues")]
    public string DisplayName { get; set; } = "";

    [Required, EmailAddress, Display(Name = "Email (used to sign in)")]
    public string Email { get; set; } = "";

    [Required, MinLength(10), DataType(DataType.Password), Display(Name = "First password (at least 10 characters)")]
    public string Password { get; set; } = "";

    [
        Required, Display(Name = "Role"),
        AllowedValues(Roles.Operator, Roles.Supervisor, Roles.Admin, ErrorMessage = "Choose Operator, Supervisor or Admin.")]
    public string Role { get; set; } = Roles.Operator;

    /// <summary>Where taken calls are dialled: an E.164 number or a Twilio client identity.</summary>
    [Display(Name = "Operator phone (taken calls ring here)")]
    public string? OperatorPhone { get; set; }
}
