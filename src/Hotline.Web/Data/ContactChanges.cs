namespace Hotline.Web.Data;

/// <summary>
/// What one request did to a contact and its case: the rows as they were loaded (null when the contact is new),
/// and the turn and answers to append. <see cref="ContactStore"/> writes only the difference.
/// </summary>
public sealed class ContactChanges
{
    private ContactChanges(Contact? original, Case? originalCase) => (Original, OriginalCase) = (original, originalCase);

    /// <summary>A contact read from the database: remember it as loaded, to write only what changes.</summary>
    public static ContactChanges Loaded(Contact contact) => new(contact.Copy(), contact.Case.Copy());

    /// <summary>A new contact (and its new case): everything is inserted.</summary>
    public static ContactChanges New() => new(null, null);

    public Contact? Original { get; }
    public Case? OriginalCase { get; }
    public bool IsNew => Original is null;
    public List<ContactTurn> Turns { get; } = [];
    public List<IntakeAnswer> Answers { get; } = [];
}
