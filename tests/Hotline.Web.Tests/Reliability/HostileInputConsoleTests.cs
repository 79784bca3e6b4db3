using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Hotline.Web.Telephony;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Reliability;

/// <summary>
/// Every console form POST and every agency form and JSON API under the hostile corpus (issue 7, item 3).
/// Routes are enumerated from MVC's action descriptors, like ConsoleRouteTests, so a new form is covered by default.
/// </summary>
public sealed partial class HostileInputConsoleTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    private const int Seed = 7031;
    private const int PerRoute = 1000;
    private const int PerRouteWithoutToken = 40;

    private sealed record PostRoute(string Template, string Path, IReadOnlyDictionary<string, string> Fields, bool Json);

    private sealed record Seeded(Guid CaseId, Guid ContactId, Guid AgencyId, Guid ChannelId, Guid ReferralId, string AgencyToken);

    private async Task<Seeded> SeedAsync()
    {
        var now = fixture.Base.Clock.GetUtcNow();
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = "HL-26-" + Random.Shared.Next(0x100000, 0xffffff).ToString("X6", CultureInfo.InvariantCulture),
                Status = CaseStatus.AwaitingTriage,
            FirstChannel = Channel.Voice, FlowId = "national", Language = "en", CallerNumber = "+15557654321", CallerHash = "hash-hostile",
            Jurisdiction = "TX", CreatedAt = now, UpdatedAt = now, ConsentToShare = true,
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(), FlowId = "national",
                NodeId = "queue",
            Language = "en", State = ContactState.Queued, StartedAt = now, LastActivityAt = now, EnqueuedAt = now,
        };
        return await fixture.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.Include(a => a.Channels).OrderBy(a => a.Name).FirstAsync(a => a.Channels.Count > 0);
            var referral = new Referral
            {
                Id = Guid.NewGuid(), CaseId = @case.Id, AgencyId = agency.Id, Status = ReferralStatus.Delivered, RuleId = "hostile",
                    Reason = "test",
                CreatedAt = now, SentAt = now, DeliveredAt = now, AcknowledgeBy = now.AddHours(4),
            };
            db.Cases.Add(@case);
            db.Contacts.Add(contact);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            var token = fixture.App.Services.GetRequiredService<AgencyLinks>().CreateToken(referral.Id);
            return new Seeded(@case.Id, contact.Id, agency.Id, agency.Channels.First().Id, referral.Id, token);
        });
    }

    private static readonly string PublicPages = typeof(Hotline.Web.Public.TipController).Namespace!;

    /// <summary>All POST actions outside the Twilio webhooks, with the form fields their parameters bind.</summary>
    private List<PostRoute> Routes(Seeded s)
    {
        var actions = fixture.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            // The fallback URL is a Twilio webhook too, open to any POST by design (HostileInputWebhookTests, FallbackTests).
            .Where(
                a => !typeof(TwilioController).IsAssignableFrom(a.ControllerTypeInfo)
                && a.ControllerTypeInfo != typeof(VoiceFallbackController)
                // The public pages (web tip form, chat) carry no anti-forgery cookie by design, so "400 without a token"
                // does not apply; their own hostile-input tests hold them to "never a 500, nothing stored".
                && a.ControllerTypeInfo.Namespace?.StartsWith(PublicPages, StringComparison.Ordinal) != true)
            .Where(a => a.ActionConstraints?.OfType<HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("POST")) == true);
        var routes = new List<PostRoute>();
        foreach (var a in actions)
        {
            var template = "/" + a.AttributeRouteInfo!.Template!.TrimStart('/');
            var path = Parameter().Replace(template, m => m.Groups[1].Value switch
            {
                "token" => s.AgencyToken,
                "contactId" => s.ContactId.ToString(),
                "channelId" => s.ChannelId.ToString(),
                "referralId" => s.ReferralId.ToString(),
                "id" when template.StartsWith("/admin/agencies", StringComparison.Ordinal) => s.AgencyId.ToString(),
                _ => s.CaseId.ToString(),
            });
            var fields = new Dictionary<string, string>();
            foreach (var p in a.Parameters)
            {
                if (p.BindingInfo?.BindingSource == BindingSource.Path || p.ParameterType == typeof(CancellationToken)) continue;
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid))
                {
                    fields[p.Name] = Sample(type);
                }
                else
                {
                    foreach (var prop in type.GetProperties().Where(x => x.CanWrite))
                    {
                        fields[(p.BindingInfo?.BinderModelName is { } prefix ? prefix + "." : "") + prop.Name] =
                            Sample(Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType);
                    }
                }
            }
            var json = a.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body);
            routes.Add(new PostRoute(template, path, fields, json));
        }
        return routes;
    }

    private static string Sample(Type t) =>
        t == typeof(bool) ? "true" : t == typeof(int) ? "3" : t == typeof(Guid) ? Guid.NewGuid().ToString() : t.IsEnum
            ? Enum.GetNames(t)[0] : "sample text";

    private async Task<HttpClient> SignedInAsync()
    {
        var client = fixture.Client(cookies: true);
        await ConsoleClient.SignInAsync(client, fixture.App.Services, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        return client;
    }

    private async Task<string> ConsoleStateAsync(Guid caseId) => string.Join(", ",
        $"case_notes={await fixture.CountAsync("SELECT count(*) FROM case_notes")}",
        $"cases.UpdatedAt={await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, $"SELECT \"UpdatedAt\"::text FROM cases WHERE \"Id\" = '{caseId}'")}",
        $"audit={await fixture.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE \"Action\" LIKE 'case.%' AND \"Action\" NOT IN ('case.view', 'case.search')")}",
        $"agencies={await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, "SELECT string_agg(\"Name\" || \"Active\"::text, ',' ORDER BY \"Id\") FROM agencies")}",
        $"referrals={await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, "SELECT string_agg(\"Status\", ',' ORDER BY \"Id\") FROM referrals")}",
        $"users={await fixture.CountAsync("SELECT count(*) FROM \"AspNetUsers\"")}");

    [Fact]
    public async Task ConsoleAndAgencyPosts_HostileInput_NeverFailAndWithoutTokenChangeNothing()
    {
        var seeded = await SeedAsync();
        var routes = Routes(seeded);
        Assert.Contains(routes, r => r.Template.StartsWith("/cases/{id:guid}/notes", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Template.StartsWith("/admin/agencies", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Template.StartsWith("/api/agency/referrals", StringComparison.Ordinal) && r.Json);
        Assert.Contains(routes, r => r.Template.StartsWith("/agency/referrals", StringComparison.Ordinal));
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var errorsBefore = fixture.Log.Errors.Count;

        // 1. Signed in, hostile bodies, no anti-forgery token: 400 and nothing changes.
        var corpus = new HostileCorpus(Seed);
        var admin = await SignedInAsync();
        var before = await ConsoleStateAsync(seeded.CaseId);
        var tokenless = routes.Where(r => !r.Template.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(r => Enumerable.Range(0, PerRouteWithoutToken)
            .Select(i => (Route: r, Request: corpus.Request(i, r.Path, r.Fields)))).ToList();
        await HostileRunner.RunAsync(tokenless, async x =>
        {
            var response = await admin.SendAsync(x.Request.ToMessage());
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            counts.AddOrUpdate(x.Route.Template + " (no token)", 1, (_, n) => n + 1);
            if (response.StatusCode != HttpStatusCode.BadRequest)
                failures.Enqueue($"seed {Seed} (no token) {x.Request.Describe()}\n  -> {(int)response.StatusCode}, expected 400");
        });
        Assert.Equal(before, await ConsoleStateAsync(seeded.CaseId));

        // 2. With a valid token (header), hostile values: no 5xx; a 4xx, a redirect, or the form again with its errors.
        corpus = new HostileCorpus(Seed + 1);
        var adminToken = ConsoleClient.TokenIn(await admin.GetStringAsync($"/cases/{seeded.CaseId}"));
        var signOut = await SignedInAsync();
        var signOutToken = ConsoleClient.TokenIn(await signOut.GetStringAsync("/"));
        var agency = fixture.Client(cookies: true);
        var agencyToken = ConsoleClient.TokenIn(await agency.GetStringAsync($"/agency/referrals/{seeded.AgencyToken}"));
        var anonymous = fixture.Client(cookies: true);
        var anonymousToken = ConsoleClient.TokenIn(await anonymous.GetStringAsync("/account/sign-in"));
        // (A %00 in the path is refused by the server before routing; the in-memory client cannot even send it.)
        var hostileTokens = HostileCorpus.Injections.Select(Uri.EscapeDataString)
            .Concat(["%2e%2e%2f%2e%2e%2fadmin", "..", "%2500", "a%2Fb", new string('A', 5000)]).ToList();
        var requests = routes.SelectMany(r => Enumerable.Range(0, PerRoute).Select(i =>
        {
            var path = r.Path;
            // Agency links: half carry the real token, half a hostile one in its place.
            if (r.Template.Contains("{token}") && corpus.Chance(0.5)) path = path.Replace(seeded.AgencyToken, corpus.Pick(hostileTokens));
            var request = corpus.Request(i, path, r.Fields);
            if (r.Json && corpus.Chance(0.6))
            {
                var reason = corpus.Chance(0.3) ? null
                    : corpus.Pick(HostileCorpus.Injections.Append("\u0000").Append("a\u0000b").Append(new string('x', 100_000)).ToList());
                request = request
                    with
                    { Shape = "json-body",
                        Body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                        new Dictionary<string, object?> { [corpus.Chance(0.5) ? "reason" : "Reason"] = corpus.Chance(0.1) ? 42 : reason }),
                        ContentType = "application/json" };
            }
            return (Route: r, Request: request);
        })).ToList();
        await HostileRunner.RunAsync(requests, async x =>
        {
            var (client, token) = x.Route.Template switch
            {
                "/account/sign-out" => (signOut, signOutToken),
                "/account/sign-in" => (anonymous, anonymousToken),
                var t when t.StartsWith("/agency/", StringComparison.Ordinal)
                    || t.StartsWith("/api/", StringComparison.Ordinal) => (agency, agencyToken),
                _ => (admin, adminToken),
            };
            var message = x.Request.ToMessage();
            message.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(message);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            counts.AddOrUpdate(x.Route.Template, 1, (_, n) => n + 1);
            var status = (int)response.StatusCode;
            var problem = status >= 500 ? "server error"
                : status is >= 200 and < 300 && status != 200 ? "unexpected success status"
                : status == 200 && !SuccessPage(x.Route.Template) && !ShowsValidationErrors(await response.Content.ReadAsStringAsync())
                    ? "200 without an error message"
                : null;
            if (problem is not null) failures.Enqueue($"seed {Seed + 1} {x.Request.Describe()}\n  -> {status}: {problem}");
        });

        HostileRunner.Report(output, $"Console and agency POSTs (seeds {Seed}, {Seed + 1})", counts);
        output.WriteLine("  answers: " + string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}")));
        var errors = fixture.Log.Errors.Skip(errorsBefore).ToList();
        HostileRunner.Fail(Seed, failures, tokenless.Count + requests.Count);
        Assert.True(errors.Count == 0, $"seed {Seed}: {errors.Count} errors logged:\n" + string.Join("\n", errors.Distinct().Take(10)));
        Assert.All(routes.Where(r => r.Template != "/account/sign-out"),
            r => Assert.True(counts.GetValueOrDefault(r.Template) >= PerRoute, r.Template));
    }

    /// <summary>200 is success only for the JSON API and the agency's thank-you page after a decline; any other form answers 200 only to
    /// show its errors again.</summary>
    private static bool SuccessPage(string template) => template.StartsWith("/api/", StringComparison.Ordinal)
        || template == "/agency/referrals/{token}/decline";

    private static bool ShowsValidationErrors(string html) =>
        html.Contains("validation-summary-errors", StringComparison.Ordinal)
            || html.Contains("field-validation-error", StringComparison.Ordinal);

    [Fact]
    public async Task NoteWithMarkup_RendersInertOnTheCasePage()
    {
        var seeded = await SeedAsync();
        var admin = await SignedInAsync();
        const string note = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        var token = ConsoleClient.TokenIn(await admin.GetStringAsync($"/cases/{seeded.CaseId}"));
        var posted = await admin.PostAsync($"/cases/{seeded.CaseId}/notes",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = note, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var html = await admin.GetStringAsync($"/cases/{seeded.CaseId}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("<img src=x onerror", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u0000")]
    [InlineData("' OR 1=1--; DROP TABLE cases;--")]
    [InlineData("\u001b[31m<script>alert(1)</script>")]
    public async Task AgencyApiDecline_HostileReasonOnALiveReferral_NeverFails(string reason)
    {
        // JSON, unlike a form, can carry a NUL; PostgreSQL text cannot store one.
        var seeded = await SeedAsync();
        var client = fixture.Client();
        var json = System.Text.Json.JsonSerializer.Serialize(new { reason = System.Text.RegularExpressions.Regex.Unescape(reason) });
        var response = await client.PostAsync(
            $"/api/agency/referrals/{seeded.AgencyToken}/decline", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True((int)response.StatusCode < 500, $"{reason}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var status = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, $"SELECT \"Status\" FROM referrals WHERE \"Id\" = '{seeded.ReferralId}'");
        Assert.True(
            response.IsSuccessStatusCode ? status == "Declined" : status == "Delivered",
            $"{reason}: {(int)response.StatusCode}, referral {status}");
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)[^}]*\}")]
    private static partial Regex Parameter();}
