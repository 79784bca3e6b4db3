using System.Text;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Web.Data;

/// <summary>
/// The webhook path's storage, in hand-written SQL: every Twilio webhook reads its contact with its case in one
/// statement and writes its step in one more. EF Core's unit of work (tracking, change detection, batch
/// building, reading back keys) cost three times the rest of a webhook; everything else (console, jobs)
/// stays on EF. The schema is EF's: <see cref="ContactColumns"/> names the columns, and tests hold the two
/// together.
/// </summary>
public class ContactStore(NpgsqlDataSource database, PersonalDataProtector protector)
{
    // The select list and the reader (ReadOneAsync) are both generated from the same columns, ContactRead and
    // CaseRead (name and setter side by side), so a column added anywhere cannot shift the others.
    // The case's own xmin is not read: nothing on the webhook path uses it. The step's write is guarded by the
    // contact's xmin alone and updates the case column by column (an operator's edits stand); the console's
    // optimistic concurrency on the case (Operators/CaseDesk.cs, ClassificationMerge, SafeContactMerge) reads
    // the case's xmin through EF.
    private static readonly string Select = "SELECT " + string.Join(", ",
        ContactColumns.ContactRead.Select(c => $"c.\"{c.Name}\"").Concat(ContactColumns.CaseRead.Select(c => $"k.\"{c.Name}\"")));

    // The caller's number is never read here: no webhook needs it, and decrypting it on every load was a
    // measurable share of a webhook's CPU. Texts are not read either: each is a transcript row of its own.

    private const string From = """ FROM contacts c JOIN cases k ON k."Id" = c."CaseId" """;

    private static readonly string FindSql = Select + From + """WHERE c."ExternalId" = $1""";

    // Open: still answering the questions, waiting for an advocate, or talking with one (until the advocate closes it).
    private static readonly string FindOpenConversationSql = Select + From + """
        WHERE c."ConversationKey" = $1 AND c."State" IN ('Intake', 'Queued', 'WithOperator', 'Voicemail')
        ORDER BY c."LastActivityAt" DESC LIMIT 1
        """;

    /// <summary>A call (CallSid) or SMS conversation (first MessageSid) with its case, or null.</summary>
    /// <remarks>Virtual so that tests can put another writer between a webhook's read and its write.</remarks>
    public virtual async Task<Contact?> FindAsync(string externalId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = externalId });
        return await ReadOneAsync(command, ct);
    }

    /// <summary>The open text conversation of a sender with the hotline (keyed hash), newest first.</summary>
    public virtual async Task<Contact?> FindOpenConversationAsync(string conversationKey, CancellationToken ct)
    {
        await using var command = database.CreateCommand(FindOpenConversationSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationKey });
        return await ReadOneAsync(command, ct);
    }

    /// <summary>
    /// Notes that Twilio asked the queue's wait URL about a queued call, at most once per <paramref name="every"/>:
    /// one statement and no read, and no write at all inside the interval (the wait URL is requested in a loop).
    /// </summary>
    public async Task StampQueuePollAsync(string callSid, DateTimeOffset now, TimeSpan every, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            UPDATE contacts SET "LastQueuePollAt" = $2
            WHERE "ExternalId" = $1 AND "State" = 'Queued' AND ("LastQueuePollAt" IS NULL OR "LastQueuePollAt" < $3)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = callSid });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = (now - every).ToUniversalTime() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<Contact?> ReadOneAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var contact = new Contact();
        var @case = new Case();
        var ordinal = 0;
        foreach (var column in ContactColumns.ContactRead) column.Set!(contact, reader, ordinal++);
        foreach (var column in ContactColumns.CaseRead) column.Set!(@case, reader, ordinal++);
        contact.Case = @case;
        @case.Contacts.Add(contact);
        return contact;
    }

    /// <summary>
    /// Writes the contact's step as one statement, so it applies whole or not at all. Returns false when another
    /// request got there first: the contact changed since it was read (its xmin), or the same step's turn row
    /// exists already (unique per contact and step); nothing is written then. A new contact whose CallSid
    /// exists already (a repeated first webhook) is not inserted either. Any other unique violation is not a
    /// race but a bug, and throws <see cref="StepWriteRefusedException"/>: a silent re-prompt would hide it.
    /// </summary>
    public async Task<bool> SaveAsync(Contact contact, ContactChanges changes, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySaveAsync(contact, changes, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == ReferenceIndex
                                              && changes.CaseIsNew && attempt < 5)
            {
                // Six random characters a year: among a year's cases two will share a reference now and then. The
                // caller must not hear "technical problem" for it: the new case simply takes another.
                contact.Case.Reference = CaseReferences.New(contact.Case.CreatedAt);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && IsRace(e.ConstraintName, changes))
            {
                return false;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new StepWriteRefusedException(e.ConstraintName, e);
            }
        }
    }

    // Told apart by name, never by "any unique violation": only these two are the races the statement is built
    // to lose. Names are EF's conventions for the indexes in EntityConfigurations / HotlineDbContext.
    private const string ReferenceIndex = "IX_cases_Reference";
    private const string TurnIndex = "IX_contact_turns_ContactId_Step";
    private const string ExternalIdIndex = "IX_contacts_ExternalId";
    /// <summary>A text already in the transcript (Twilio retried its webhook): the step it caused was taken already.</summary>
    public const string MessageSidIndex = "IX_conversation_messages_MessageSid";

    /// <summary>A repeated or concurrent step (same contact, same step), or a repeated first webhook (same CallSid).</summary>
    private static bool IsRace(string? constraint, ContactChanges changes) =>
        constraint == TurnIndex || constraint == MessageSidIndex || (changes.IsNew && constraint == ExternalIdIndex);

    private async Task<bool> TrySaveAsync(Contact contact, ContactChanges changes, CancellationToken ct)
    {
        var sql = new StatementBuilder();
        if (changes.IsNew) InsertNew(sql, contact, changes.CaseIsNew);
        else UpdateLoaded(sql, contact, changes);
        AppendTurns(sql, changes.Turns);
        AppendAnswers(sql, contact, changes.Answers);
        AppendMessages(sql, contact, changes.Messages);
        sql.Append(" SELECT xmin");
        // Open console pages learn of a new message on commit (NOTIFY is transactional): only text steps notify, so
        // the voice path does not queue for the notification lock at commit.
        if (changes.Messages.Count > 0) sql.Append(", ").Append(ConsoleNotify(sql, contact.CaseId));
        sql.Append(" FROM contact");

        await using var command = database.CreateCommand(sql.Text);
        command.Parameters.AddRange(sql.Parameters.ToArray());
        if (await command.ExecuteScalarAsync(ct) is not uint version) return false;
        contact.Version = version;
        return true;
    }

    private void InsertNew(StatementBuilder sql, Contact contact, bool caseIsNew)
    {
        if (!caseIsNew)
        {
            // The case exists: the contact alone, unless its first message's SID began a contact already (a retry).
            sql.Append("WITH contact AS (INSERT INTO contacts (");
            sql.AppendNames(ContactColumns.Identity, ContactColumns.Mutable);
            sql.Append(") SELECT ");
            sql.AppendValues(contact, ContactColumns.Identity, ContactColumns.Mutable);
            sql.Append(""" WHERE NOT EXISTS (SELECT FROM contacts WHERE "ExternalId" = """)
                .Append(sql.Parameter(contact.ExternalId, NpgsqlDbType.Varchar)).Append(""") RETURNING "Id", xmin)""");
            return;
        }
        var @case = contact.Case;
        // The case is inserted only if the CallSid is new; a duplicate racing past this check fails on the
        // unique ExternalId, and the statement with it.
        sql.Append("WITH kase AS (INSERT INTO cases (");
        sql.AppendNames(ContactColumns.CaseIdentity, ContactColumns.CaseIntake, ContactColumns.CaseEncrypted);
        sql.Append(") SELECT ");
        sql.AppendValues(@case, ContactColumns.CaseIdentity, ContactColumns.CaseIntake);
        foreach (var column in ContactColumns.CaseEncrypted)
            sql.Append(", ").Append(sql.Parameter(Encrypt(column.Get(@case)), column.Type));
        sql.Append(""" WHERE NOT EXISTS (SELECT FROM contacts WHERE "ExternalId" = """)
            .Append(sql.Parameter(contact.ExternalId, NpgsqlDbType.Varchar));
        sql.Append(""") RETURNING "Id"), contact AS (INSERT INTO contacts (""");
        sql.AppendNames(ContactColumns.Identity, ContactColumns.Mutable);
        sql.Append(") SELECT ");
        sql.AppendValues(contact, ContactColumns.Identity, ContactColumns.Mutable);
        sql.Append(""" FROM kase RETURNING "Id", xmin)""");
    }

    private void UpdateLoaded(StatementBuilder sql, Contact contact, ContactChanges changes)
    {
        sql.Append("WITH contact AS (UPDATE contacts SET ");
        sql.AppendAssignments(contact, ContactColumns.Mutable);
        sql.Append(""" WHERE "Id" = """).Append(sql.Parameter(contact.Id, NpgsqlDbType.Uuid))
            .Append(" AND xmin = ").Append(sql.Parameter(changes.LoadedVersion!.Value, NpgsqlDbType.Xid))
            .Append(""" RETURNING "Id", xmin)""");

        var @case = contact.Case;
        var original = changes.OriginalCase!;
        var set = new List<string>();
        foreach (var column in ContactColumns.CaseIntake)
        {
            var value = column.Get(@case);
            if (Equals(value, column.Get(original))) continue;
            var parameter = sql.Parameter(value, column.Type);
            // The case's status moves by the case machine from what was read; if an operator moved it meanwhile, theirs stands.
            set.Add(column.Name == "Status"
                ? $"""
                   "Status" = CASE WHEN "Status" = {sql.Parameter(column.Get(original), column.Type)} THEN {parameter} ELSE "Status" END
                   """
                : $"\"{column.Name}\" = {parameter}");
        }
        foreach (var column in ContactColumns.CaseEncrypted)
        {
            var value = column.Get(@case);
            if (!Equals(value, column.Get(original))) set.Add($"\"{column.Name}\" = {sql.Parameter(Encrypt(value), column.Type)}");
        }
        if (set.Count == 0) return;
        sql.Append(", kase AS (UPDATE cases SET ").Append(string.Join(", ", set))
            .Append(""" WHERE "Id" = """).Append(sql.Parameter(@case.Id, NpgsqlDbType.Uuid)).Append(" AND EXISTS (SELECT FROM contact))");
    }

    private static void AppendTurns(StatementBuilder sql, List<ContactTurn> turns)
    {
        if (turns.Count == 0) return;
        sql.Append(""", turns AS (INSERT INTO contact_turns ("ContactId", "Step", "FromNode", "ToNode", "Input", "Accepted", "At") """)
            .Append("""SELECT contact."Id", t.* FROM contact, unnest(""")
            .Append(sql.Parameter(turns.Select(t => t.Step).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer)).Append(", ")
            .Append(sql.Parameter(turns.Select(t => t.FromNode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(turns.Select(t => t.ToNode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(turns.Select(t => t.Input).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(turns.Select(t => t.Accepted).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Boolean)).Append(", ")
            .Append(sql.Parameter(turns.Select(t => t.At.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz))
            .Append(") AS t)");
    }

    private static void AppendAnswers(StatementBuilder sql, Contact contact, List<IntakeAnswer> answers)
    {
        if (answers.Count == 0) return;
        sql.Append(""", answers AS (INSERT INTO intake_answers ("CaseId", "ContactId", "NodeId", "Field", "Value", "Step", "At") SELECT """)
            .Append(sql.Parameter(contact.CaseId, NpgsqlDbType.Uuid)).Append(""", contact."Id", a.* FROM contact, unnest(""")
            .Append(sql.Parameter(answers.Select(a => a.NodeId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(answers.Select(a => a.Field).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(answers.Select(a => a.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(", ")
            .Append(sql.Parameter(answers.Select(a => a.Step).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer)).Append(", ")
            .Append(sql.Parameter(answers.Select(a => a.At.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz))
            .Append(") AS a)");
    }

    private void AppendMessages(StatementBuilder sql, Contact contact, List<ConversationMessage> messages)
    {
        if (messages.Count == 0) return;
        sql.Append(", messages AS (INSERT INTO conversation_messages (").Append(MessageColumns)
            .Append(") SELECT m.id, ").Append(sql.Parameter(contact.CaseId, NpgsqlDbType.Uuid))
            .Append(""", contact."Id", m.channel, m.direction, m.author, m.sid, m.body, m.media::jsonb, m.status, m.at""")
            .Append(" FROM contact, unnest(")
            .Append(sql.Parameter(messages.Select(m => m.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)).Append(", ")
            .Append(TextArray(sql, messages, m => m.Channel.ToString())).Append(", ")
            .Append(TextArray(sql, messages, m => m.Direction.ToString())).Append(", ")
            .Append(TextArray(sql, messages, m => m.Author.ToString())).Append(", ")
            .Append(TextArray(sql, messages, m => m.MessageSid)).Append(", ")
            .Append(TextArray(sql, messages, m => Encrypt(m.Body))).Append(", ")
            .Append(TextArray(sql, messages, m => m.MediaJson)).Append(", ")
            .Append(TextArray(sql, messages, m => m.Status.ToString())).Append(", ")
            .Append(sql.Parameter(messages.Select(m => m.At.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz))
            // In the order given (the texter's message before the reply it caused): the sequence is the transcript's order.
            .Append(") WITH ORDINALITY AS m(id, channel, direction, author, sid, body, media, status, at, n) ORDER BY m.n)");
    }

    private const string MessageColumns =
        """"
        "Id", "CaseId", "ContactId", "Channel", "Direction", "Author", "MessageSid", "Body", "MediaJson", "Status", "At"
        """";

    private static string TextArray(StatementBuilder sql, List<ConversationMessage> messages, Func<ConversationMessage, string?> value) =>
        sql.Parameter(messages.Select(value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    /// <summary>The console's notification (<see cref="ConsoleSignals"/>): the payload names the case only, never personal data.</summary>
    private static string ConsoleNotify(StatementBuilder sql, Guid caseId) =>
        $"pg_notify('{ConsoleSignals.Channel}', {sql.Parameter(ConsoleSignals.CasePayload(caseId), NpgsqlDbType.Text)})";

    /// <summary>
    /// Adds one message to a conversation past its questions (waiting for or talking with an advocate) in one
    /// statement with no read before it: the message is inserted and the conversation marked as waiting for a
    /// reply. Concurrent texts each insert their own row and never race on a shared value, so a burst keeps every
    /// message. Returns false when the MessageSid is in the transcript already (a retried webhook): nothing is written.
    /// </summary>
    public async Task<bool> AppendToConversationAsync(
        Contact contact, ConversationMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var sql = new StatementBuilder();
        var values = new[]
        {
            sql.Parameter(message.Id, NpgsqlDbType.Uuid), sql.Parameter(contact.CaseId, NpgsqlDbType.Uuid),
            sql.Parameter(contact.Id, NpgsqlDbType.Uuid), sql.Parameter(message.Channel.ToString(), NpgsqlDbType.Varchar),
            sql.Parameter(message.Direction.ToString(), NpgsqlDbType.Varchar),
            sql.Parameter(message.Author.ToString(), NpgsqlDbType.Varchar),
            sql.Parameter(message.MessageSid, NpgsqlDbType.Varchar), sql.Parameter(Encrypt(message.Body), NpgsqlDbType.Text),
            sql.Parameter(message.MediaJson, NpgsqlDbType.Jsonb), sql.Parameter(message.Status.ToString(), NpgsqlDbType.Varchar),
            sql.Parameter(message.At, NpgsqlDbType.TimestampTz),
        };
        var at = sql.Parameter(now, NpgsqlDbType.TimestampTz);
        sql.Append("WITH message AS (INSERT INTO conversation_messages (").Append(MessageColumns).Append(") VALUES (")
            .Append(string.Join(", ", values))
            .Append(""") ON CONFLICT ("MessageSid") WHERE "MessageSid" IS NOT NULL DO NOTHING RETURNING "Id"), """)
            .Append("""touched AS (UPDATE contacts SET "LastActivityAt" = GREATEST("LastActivityAt", """).Append(at).Append(")")
            // The texter's message waits for an advocate; the service's own messages change nothing of that.
            .Append(message.Author == MessageAuthor.Texter ? $"""
                , "AwaitingReplySince" = COALESCE("AwaitingReplySince", {at})
                """ : "")
            .Append(""" WHERE "Id" = """).Append(sql.Parameter(contact.Id, NpgsqlDbType.Uuid))
            // A row only when the message was new: a retried webhook notifies nobody.
            .Append(" AND EXISTS (SELECT FROM message) RETURNING 1) SELECT (SELECT count(*) FROM touched) FROM message, LATERAL (SELECT ")
            .Append(ConsoleNotify(sql, contact.CaseId)).Append(") AS signal");
        await using var command = database.CreateCommand(sql.Text);
        command.Parameters.AddRange(sql.Parameters.ToArray());
        return await command.ExecuteScalarAsync(ct) is long;
    }

    /// <summary>Whether a message with this SID is in the transcript (a retried webhook).</summary>
    public async Task<bool> HasMessageAsync(string messageSid, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            """SELECT EXISTS (SELECT FROM conversation_messages WHERE "MessageSid" = $1)""");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = messageSid });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private string? Encrypt(object? plain) => plain is string { Length: > 0 } text ? protector.Protect(text) : null;

    /// <summary>SQL text with positional parameters ($1, $2...), built beside its parameter list.</summary>
    private sealed class StatementBuilder
    {
        private readonly StringBuilder _text = new(1024);
        public List<NpgsqlParameter> Parameters { get; } = new(48);
        public string Text => _text.ToString();

        public StatementBuilder Append(string text)
        {
            _text.Append(text);
            return this;
        }

        public string Parameter(object? value, NpgsqlDbType type)
        {
            // timestamptz takes UTC only; the flow computes callback times in the hotline's own zone.
            if (value is DateTimeOffset time) value = time.ToUniversalTime();
            Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
            return "$" + Parameters.Count;
        }

        public void AppendNames<T>(params Column<T>[][] groups)
        {
            var first = true;
            foreach (var group in groups)
            {
                foreach (var column in group)
                {
                    _text.Append(first ? "\"" : ", \"").Append(column.Name).Append('"');
                    first = false;
                }
            }
        }

        public void AppendValues<T>(T entity, params Column<T>[][] groups)
        {
            var first = true;
            foreach (var group in groups)
            {
                foreach (var column in group)
                {
                    _text.Append(first ? "" : ", ").Append(Parameter(column.Get(entity), column.Type));
                    first = false;
                }
            }
        }

        public void AppendAssignments<T>(T entity, Column<T>[] columns)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                _text.Append(i == 0 ? "\"" : ", \"").Append(columns[i].Name).Append("\" = ")
                    .Append(Parameter(columns[i].Get(entity), columns[i].Type));
            }
        }
    }
}
