using System.ComponentModel.DataAnnotations;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>What an admin may change about a colleague: name, role and the phone taken calls ring.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "Write the name colleagues will see."), StringLength(100), Display(Name = "Name shown to colleagues")]
    public string DisplayName { get; set; } = "";

    [
        Required(ErrorMessage = "Choose Operator, Supervisor or Admin."), Display(Name = "Role"),
        AllowedValues(Roles.Operator, Roles.Supervisor, Roles.Admin, ErrorMessage = "Choose Operator, Supervisor or Admin.")]
    public string Role { get; set; } = Roles.Operator;

    /// <summary>Where taken calls are dialled: an E.164 number (checked by <see cref="OperatorPhoneNumber"/>).</summary>
    [Display(Name = "Operator phone (taken calls ring here)"), StringLength(40)]
    public string? OperatorPhone { get; set; }
}
