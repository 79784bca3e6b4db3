using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Foundation;

public class EncryptionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PersonalData_ReadWithRawSql_HoldsNoPlaintext()
    {
        var id = Guid.NewGuid();
        const string number = "+15557654321";
        const string narrative = "Maria is held at the farm on Route 9";
        const string note = "Caller says the boss takes passports";
        var now = fixture.App.Clock.GetUtcNow();
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = id, Reference = "HL-26-ENC" + id.ToString("N")[..3], FirstChannel = Channel.Voice, FlowId = "national",
                CallerNumber = number, Narrative = narrative, SafetyPlan = "Meet at the library",
                    SafeContactInstructions = "Text only after 6pm",
                CreatedAt = now, UpdatedAt = now,
                Notes = [new CaseNote { Id = Guid.NewGuid(), AuthorId = "u", AuthorName = "Op", Body = note, At = now }],
            });
            await db.SaveChangesAsync();
        });

        var raw = await TestPostgres.ScalarAsync<string>(fixture.ConnectionString,
            $"SELECT concat_ws('|', \"CallerNumber\", \"Narrative\", \"SafetyPlan\", \"SafeContactInstructions\") FROM cases WHERE " +
                $"\"Id\" = '{id}'");
        var rawNote = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, $"SELECT \"Body\" FROM case_notes WHERE \"CaseId\" = '{id}'");
        Assert.NotNull(raw);
        Assert.DoesNotContain("5557654321", raw);
        Assert.DoesNotContain("Maria", raw);
        Assert.DoesNotContain("library", raw);
        Assert.DoesNotContain("6pm", raw);
        Assert.DoesNotContain("passports", rawNote);

        var read = await fixture.App.WithDbAsync(db => db.Cases.Include(c => c.Notes).SingleAsync(c => c.Id == id));
        Assert.Equal(number, read.CallerNumber);
        Assert.Equal(narrative, read.Narrative);
        Assert.Equal(note, read.Notes.Single().Body);
    }
}
