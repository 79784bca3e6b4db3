using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// The webhook path's hand-written SQL against EF's schema and semantics: every column survives a round trip,
/// a step writes only what it changed, and a stale or repeated step writes nothing at all.
/// </summary>
public class ContactStoreTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private ContactStore Store => fixture.App.Services.GetRequiredService<ContactStore>();
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Case columns the webhook path neither reads nor writes: operators and jobs own them.</summary>
    private static readonly string[] OwnedByOperatorsAndJobs =
    [
        "Venue", "PeopleInvolved", "RiskLevel", "SafetyPlan", "SafeContactInstructions", "ConsentRecordedBy",
        "ConsentRecordedAt", "AssignedOperatorId", "TriageDueAt", "ClosedAt", "Outcome", "RedactedAt", "OperatorNarrative",
    ];

    [Fact]
    public async Task EveryMappedColumn_IsEitherHandledByTheStore_OrDeliberatelyLeftToOthers()
    {
        var (contactProperties, caseProperties) = await fixture.App.WithDbAsync(db => Task.FromResult((
            db.Model.FindEntityType(typeof(Contact))!.GetProperties().Select(p => p.Name).Where(n => n != "Version").ToHashSet(),
            db.Model.FindEntityType(typeof(Case))!.GetProperties().Select(p => p.Name).Where(n => n != "Version").ToHashSet())));

        // A new Contact property must be added to ContactColumns, or webhooks would silently drop it.
        Assert.Equal(contactProperties.Order(), ContactColumns.Identity.Concat(ContactColumns.Mutable).Select(c => c.Name).Order());
        var handled = ContactColumns.CaseIdentity.Concat(ContactColumns.CaseIntake).Concat(ContactColumns.CaseEncrypted)
            .Concat(ContactColumns.CaseReadOnly).Select(c => c.Name).ToHashSet();
        Assert.Empty(handled.Except(caseProperties)); // no column the schema lacks
        // A new Case property is a decision: does a webhook write it (ContactColumns) or not (this list)?
        Assert.Equal(caseProperties.Except(handled).Order(), OwnedByOperatorsAndJobs.Order());
    }

    [Fact]
    public async Task NewContact_RoundTripsEveryColumn_AndEncryptsTheCallerNumberAsEfReadsIt()
    {
        var contact = await SavedContactAsync();

        var loaded = await Store.FindAsync(contact.ExternalId, default);
        Assert.NotNull(loaded);
        foreach (var column in ContactColumns.Identity.Concat(ContactColumns.Mutable))
        {
                Assert.True(Equals(column.Get(contact), column.Get(loaded)),
                    $"contacts.{column.Name}: wrote {column.Get(contact)}, read {column.Get(loaded)}");
        }
        foreach (var column in ContactColumns.CaseIntake)
        {
                Assert.True(Equals(column.Get(contact.Case), column.Get(loaded.Case)),
                    $"cases.{column.Name}: wrote {column.Get(contact.Case)}, read {column.Get(loaded.Case)}");
        }
        Assert.Equal(contact.Case.Reference, loaded.Case.Reference);
        Assert.Null(loaded.Case.CallerNumber); // webhooks never decrypt it

        var stored = await fixture.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == contact.CaseId));
        Assert.Equal("+15550001111", stored.CallerNumber); // EF's converter decrypts what the store encrypted
        var raw = await fixture.App.WithDbAsync(db => db.Database
            .SqlQuery<string>($"""SELECT "CallerNumber" AS "Value" FROM cases WHERE "Id" = {contact.CaseId}""").SingleAsync());
        Assert.DoesNotContain("5550001111", raw);
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.ContactTurns.CountAsync(t => t.ContactId == contact.Id)));
    }

    /// <summary>
    /// Every column the store reads comes back from its own column, not a neighbour's: each is written with a value
    /// no other column holds (the booleans, having two values, by a bit pattern over four rounds), so a select list
    /// and reader out of step, or a setter on the wrong property, fails here.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EveryColumnTheStoreReads_ComesBackFromItsOwnColumn(int round)
    {
        var contact = NewContact();
        var @case = contact.Case;
        var values = new List<object?>();
        var bools = 0;
        foreach (var column in ContactColumns.ContactRead)
            values.Add(SetDistinct(contact, column.Name, values.Count, ref bools, round));
        foreach (var column in ContactColumns.CaseRead)
            values.Add(SetDistinct(@case, column.Name, values.Count, ref bools, round));
        Assert.InRange(bools, 1, 15); // four rounds tell up to 15 booleans apart
        var distinct = values.Where(v => v is string or int or DateTimeOffset or List<string>).Select(Describe).ToList();
        Assert.Equal(distinct.Count, distinct.Distinct().Count());
        contact.State = ContactState.Queued; // an open conversation, so that the conversation's read finds it too

        var changes = ContactChanges.New();
        changes.Turns.Add(new ContactTurn
        {
            ContactId = contact.Id, Step = 0, FromNode = "start", ToNode = "x", Input = "start", Accepted = true, At = T0,
        });
        Assert.True(await Store.SaveAsync(contact, changes, default));
        // The columns only operators and jobs write.
        await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == @case.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ContactType, @case.ContactType).SetProperty(c => c.TraffickingType, @case.TraffickingType)
            .SetProperty(c => c.ConsentToShare, @case.ConsentToShare).SetProperty(c => c.Jurisdiction, @case.Jurisdiction)));

        foreach (var loaded in new[]
                 {
                     await Store.FindAsync(contact.ExternalId, default),
                     await Store.FindOpenConversationAsync(contact.ConversationKey!, default),
                 })
        {
            Assert.NotNull(loaded);
            Assert.Equal(contact.Version, loaded.Version); // the xmin the write returned
            foreach (var column in ContactColumns.ContactRead)
            {
                    Assert.True(Same(column.Get(contact), column.Get(loaded)),
                        $"contacts.{column.Name}: wrote {Describe(column.Get(contact))}, read {Describe(column.Get(loaded))}");
            }
            foreach (var column in ContactColumns.CaseRead)
            {
                    Assert.True(Same(column.Get(@case), column.Get(loaded.Case)),
                        $"cases.{column.Name}: wrote {Describe(column.Get(@case))}, read {Describe(column.Get(loaded.Case))}");
            }
        }
    }

    /// <summary>
    /// Gives the property behind <paramref name="column"/> a value of its own: the n-th string, number or time; a
    /// boolean gets bit <paramref name="round"/> of its own number (1, 2, 3...); an enum its last value. Ids and the
    /// row version are left as they are (the case's id is the contact's CaseId by design). Returns what it set.
    /// </summary>
    private static object? SetDistinct(object entity, string column, int n, ref int bools, int round)
    {
        var property = entity.GetType().GetProperty(column);
        if (property is null || column is "Id" or "CaseId" or "Version") return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object value = type switch
        {
            _ when type == typeof(bool) => ((++bools >> round) & 1) == 1,
            _ when type == typeof(int) => 100 + n,
            _ when type == typeof(DateTimeOffset) => T0.AddMinutes(n),
            _ when type == typeof(List<string>) => new List<string> { $"need-{n}" },
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
            _ when column == "AnswersJson" => $$"""{"field": "value {{n}}"}""", // jsonb's own spelling
            // Ten characters (the narrowest column), unique across tests too: several columns have unique indexes.
            _ => $"{n}.{Guid.NewGuid():N}"[..10],
        };
        property.SetValue(entity, value);
        return value;
    }

    private static bool Same(object? written, object? read) =>
        written is List<string> list && read is List<string> other ? list.SequenceEqual(other) : Equals(written, read);

    private static string Describe(object? value) => value is List<string> list ? "[" + string.Join(", ", list) + "]" : $"{value}";

    [Fact]
    public async Task RepeatedFirstWebhook_InsertsNothingTheSecondTime()
    {
        var first = NewContact();
        Assert.True(await Store.SaveAsync(first, ContactChanges.New(), default));
        var again = NewContact(first.ExternalId);
        Assert.False(await Store.SaveAsync(again, ContactChanges.New(), default));
        Assert.False(await fixture.App.WithDbAsync(db => db.Cases.AnyAsync(c => c.Id == again.CaseId)));
    }

    [Fact]
    public async Task NewCase_WhoseRandomReferenceIsTaken_TakesAnotherInsteadOfFailingTheCaller()
    {
        var first = await SavedContactAsync();
        var second = NewContact();
        second.Case.Reference = first.Case.Reference; // what a random six-character reference does now and then

        Assert.True(await Store.SaveAsync(second, ContactChanges.New(), default));
        var stored = await fixture.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == second.CaseId));
        Assert.NotEqual(first.Case.Reference, stored.Reference);
        Assert.Equal(second.Case.Reference, stored.Reference); // the contact in hand knows its new reference
    }

    [Fact]
    public async Task Step_WritesOnlyTheCaseColumnsItChanged_LeavingAnOperatorsEditsStanding()
    {
        var contact = await SavedContactAsync();
        var loaded = (await Store.FindAsync(contact.ExternalId, default))!;
        var changes = ContactChanges.Loaded(loaded);

        // Meanwhile an operator assigns the case, writes a need, and closes it.
        await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == contact.CaseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AssignedOperatorId, "operator-7").SetProperty(c => c.Need, "shelter")
            .SetProperty(c => c.Status, CaseStatus.Closed)));

        loaded.Step = 1;
        loaded.Case.SafeToTalk = false;
        loaded.Case.Status = CaseStatus.AwaitingTriage; // the intake's end, computed from the status it read
        changes.Answers.Add(new IntakeAnswer
        {
            CaseId = loaded.CaseId, ContactId = loaded.Id, NodeId = "safe", Field = "safeToTalk", Value = "no", Step = 1, At = T0,
        });
        changes.Turns.Add(new ContactTurn
        {
            ContactId = loaded.Id, Step = 1, FromNode = "safe", ToNode = "danger", Input = "2", Accepted = true, At = T0,
        });
        Assert.True(await Store.SaveAsync(loaded, changes, default));

        var stored = await fixture.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == contact.CaseId));
        Assert.False(stored.SafeToTalk);
        Assert.Equal("operator-7", stored.AssignedOperatorId);
        Assert.Equal("shelter", stored.Need);
        Assert.Equal(CaseStatus.Closed, stored.Status); // the operator's move stands
        Assert.Equal("no", await fixture.App.WithDbAsync(db =>
            db.IntakeAnswers.Where(a => a.ContactId == contact.Id).Select(a => a.Value).SingleAsync()));
    }

    [Fact]
    public async Task StaleStep_WritesNothing_NotEvenItsAnswerOrCaseChange()
    {
        var contact = await SavedContactAsync();
        var first = (await Store.FindAsync(contact.ExternalId, default))!;
        var second = (await Store.FindAsync(contact.ExternalId, default))!;
        var firstChanges = ContactChanges.Loaded(first);
        var secondChanges = ContactChanges.Loaded(second);

        first.Step = 1;
        first.Case.Need = "report";
        firstChanges.Turns.Add(new ContactTurn
        {
            ContactId = first.Id, Step = 1, FromNode = "a", ToNode = "b", Input = "1", Accepted = true, At = T0,
        });
        Assert.True(await Store.SaveAsync(first, firstChanges, default));

        // The second request read the same version: it lost the race, through the contact's xmin alone
        // (a different step number, so the turn's uniqueness is not what stops it).
        second.Step = 7;
        second.Case.ChildInvolved = true;
        secondChanges.Answers.Add(new IntakeAnswer
        {
            CaseId = second.CaseId, ContactId = second.Id, NodeId = "child", Field = "childInvolved", Value = "yes", Step = 7, At = T0,
        });
        secondChanges.Turns.Add(new ContactTurn
        {
            ContactId = second.Id, Step = 7, FromNode = "a", ToNode = "c", Input = "1", Accepted = true, At = T0,
        });
        Assert.False(await Store.SaveAsync(second, secondChanges, default));

        var stored = (await Store.FindAsync(contact.ExternalId, default))!;
        Assert.Equal(1, stored.Step);
        Assert.Equal("report", stored.Case.Need);
        Assert.Null(stored.Case.ChildInvolved);
        Assert.False(await fixture.App.WithDbAsync(db => db.IntakeAnswers.AnyAsync(a => a.ContactId == contact.Id)));
        Assert.Equal([0, 1], await fixture.App.WithDbAsync(db =>
            db.ContactTurns.Where(t => t.ContactId == contact.Id).OrderBy(t => t.Step).Select(t => t.Step).ToListAsync()));
    }

    private async Task<Contact> SavedContactAsync()
    {
        var contact = NewContact();
        var changes = ContactChanges.New();
        changes.Turns.Add(new ContactTurn
        {
            ContactId = contact.Id, Step = 0, FromNode = "start", ToNode = "language", Input = "start", Accepted = true, At = T0,
        });
        Assert.True(await Store.SaveAsync(contact, changes, default));
        return contact;
    }

    /// <summary>A contact and case with every column the store writes set to something other than its default.</summary>
    private static Contact NewContact(string? externalId = null)
    {
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = "HL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), Status = CaseStatus.Intake,
            Urgency = Urgency.High, FirstChannel = Channel.Voice, FlowId = "national", Language = "es", CallerNumber = "+15550001111",
            CallerHash = "hash-" + Guid.NewGuid().ToString("N"), SafeToTalk = true, ImminentDanger = false, ChildInvolved = null,
            Need = null,
            CallbackAllowed = true, CallbackWindow = "evening", VoicemailAllowed = false,
            CallbackDueAt = new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.FromHours(-6)), // not UTC: stored as the same instant
            Abandoned = true, CreatedAt = T0, UpdatedAt = T0.AddMinutes(1),
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Case = @case, Channel = Channel.Voice,
            ExternalId = externalId ?? "CA" + Guid.NewGuid().ToString("N"),
            ConversationKey = "conversation", FlowId = "national", StartedAt = T0, NodeId = "language", Language = "es", Step = 0,
            InvalidAttempts = 2, AnswersJson = """{"language": "es"}""" /* jsonb's own spelling */, LastMessageSid = "SM1",
            CallbackRequested = true, State = ContactState.Queued,
            LastActivityAt = T0.AddSeconds(30), EnqueuedAt = T0.AddSeconds(20), AnsweredAt = T0.AddSeconds(40), EndedAt = T0.AddSeconds(50),
            CallStatus = "in-progress", RecordingSid = "RE1", RecordingUrl = "https://api.twilio.com/r/RE1", RecordingSeconds = 12,
            AnsweredBy = "human",
        };
        return contact;
    }
}
