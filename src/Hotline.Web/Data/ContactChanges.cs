namespace Hotline.Web.Data;

/// <summary>
/// What one request did to a contact and its case: the contact's row version and the case as they were loaded
/// (none when the contact is new), and the turn and answers to append. <see cref="ContactStore"/> writes only
/// the difference. Text conversations also append their transcript rows here.
/// </summary>
public sealed class ContactChanges
{
    private ContactChanges(uint? loadedVersion, Case? originalCase, bool caseIsNew = false) =>
        (LoadedVersion, OriginalCase, CaseIsNew) = (loadedVersion, originalCase, caseIsNew);

    /// <summary>A contact read from the database: remember its version and its case as loaded.</summary>
    public static ContactChanges Loaded(Contact contact) => new(contact.Version, contact.Case.Copy());

    /// <summary>A new contact (and its new case): everything is inserted.</summary>
    public static ContactChanges New() => new(null, null, caseIsNew: true);

    /// <summary>A new contact on a case that exists (a texter writing again to an open case): only the contact is inserted.</summary>
    public static ContactChanges NewOnCase() => new(null, null);

    /// <summary>The contact's xmin when read: the whole row is written back, guarded by it.</summary>
    public uint? LoadedVersion { get; }
    /// <summary>The case when read: only the columns that differ from it are written.</summary>
    public Case? OriginalCase { get; }
    public bool IsNew => OriginalCase is null;
    /// <summary>The case is inserted with the contact (a first contact), rather than found.</summary>
    public bool CaseIsNew { get; }
    public List<ContactTurn> Turns { get; } = [];
    public List<IntakeAnswer> Answers { get; } = [];
    /// <summary>Transcript rows this step adds (the text that caused it, the automatic reply): written with the step.</summary>
    public List<ConversationMessage> Messages { get; } = [];
}
