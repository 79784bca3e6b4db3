using System.ComponentModel.DataAnnotations;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Write the name colleagues will see."), Display(Name = "Name shown to colleagues")]
    public string DisplayName { get; set; } = "";

    [
        Required(ErrorMessage = "Write the e-mail address they will sign in with."),
        EmailAddress(ErrorMessage = "That is not an e-mail address."), Display(Name = "Email (used to sign in)")]
    public string Email { get; set; } = "";

    // No length attribute: Identity's rules (PasswordRules) are the only ones, said in words under the field.
    [Required(ErrorMessage = "Write a first password."), DataType(DataType.Password), Display(Name = "First password")]
    public string Password { get; set; } = "";

    [
        Required, Display(Name = "Role"),
        AllowedValues(Roles.Operator, Roles.Supervisor, Roles.Admin, ErrorMessage = "Choose Operator, Supervisor or Admin.")]
    public string Role { get; set; } = Roles.Operator;

    /// <summary>Where taken calls are dialled: an E.164 number (checked by <see cref="OperatorPhoneNumber"/>).</summary>
    [StringLength(40), Display(Name = "Operator phone (taken calls ring here)")]
    public string? OperatorPhone { get; set; }
}
