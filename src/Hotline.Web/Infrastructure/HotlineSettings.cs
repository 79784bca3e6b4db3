namespace Hotline.Web.Infrastructure;

/// <summary>
/// Every setting the service reads, checked once at start-up. Each key is documented in
/// appsettings.sample.json; environment variables override (Twilio__AuthToken, ...).
/// </summary>
public sealed record HotlineSettings
{
    public required string ConnectionString { get; init; }
    public required string TwilioAccountSid { get; init; }
    public required string TwilioAuthToken { get; init; }
    /// <summary>The hotline's own number: the From of outgoing SMS.</summary>
    public required string TwilioNumber { get; init; }
    /// <summary>Only for tests and local mocks: where Twilio REST calls go instead of api.twilio.com.</summary>
    public Uri? TwilioApiBaseUrl { get; init; }
    /// <summary>The URL Twilio uses to reach us. Signatures are computed over it, so it must match the Twilio console.</summary>
    public Uri? PublicBaseUrl { get; init; }
    public required string FlowFile { get; init; }
    public required string PathwayFile { get; init; }
    public required string AgenciesSeedFile { get; init; }
    /// <summary>The words of the public pages (/tip, /chat) in the flow's languages.</summary>
    public required string PublicPagesFile { get; init; }
    /// <summary>Where quick exit sends a visitor of the public pages: a neutral site that says nothing about us.</summary>
    public Uri QuickExitUrl { get; init; } = new("https://www.weather.gov");
    /// <summary>A tip sent sooner than this after its form was served is refused (people do not type that fast).</summary>
    public TimeSpan TipMinimumTime { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Overrides the flow's emergency number when set.</summary>
    public string? EmergencyNumber { get; init; }
    /// <summary>Overrides the flow's backup line (dialled when the service cannot serve a caller).</summary>
    public string? BackupLine { get; init; }
    public required byte[] CallerHashKey { get; init; }
    public required byte[] AgencyWebhookSecret { get; init; }
    public required string SupervisorPhone { get; init; }
    public bool HangfireServerEnabled { get; init; } = true;
    public int HangfireWorkerCount { get; init; } = 4;
    public bool MigrateOnStartup { get; init; } = true;
    public string? AdminEmail { get; init; }
    public string? AdminPassword { get; init; }
    public SmtpSettings Smtp { get; init; } = new();
    public int? RetentionDaysOverride { get; init; }
    /// <summary>How often the supervisor is reminded of a mandatory referral nobody acknowledged and nobody followed up.</summary>
    public TimeSpan UnresolvedReferralAlertInterval { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>
    /// WhatsApp's pre-approved templates (Twilio content SIDs, HX...) by language: the only message WhatsApp lets us
    /// send 24 hours after the person's last message. Empty: no template is configured, so none can be sent.
    /// </summary>
    public IReadOnlyDictionary<string, string> WhatsAppTemplates { get; init; } = new Dictionary<string, string>();
    /// <summary>What each language's template says, shown in the transcript instead of "[template]" (never sent).</summary>
    public IReadOnlyDictionary<string, string> WhatsAppTemplatePreviews { get; init; } = new Dictionary<string, string>();

    public static HotlineSettings From(IConfiguration config, string contentRoot)
    {
        var errors = new List<string>();
        string Required(string key)
        {
            var value = config[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{key} is missing (set it in appsettings.json or the environment variable {key.Replace(":", "__")})");
                return "";
            }
            return value.Trim();
        }
        byte[] Secret(string key)
        {
            var value = Required(key);
            if (value.Length == 0) return [];
            // A Standard Webhooks style key (whsec_ + base64) is the same key with a prefix.
            if (value.StartsWith("whsec_", StringComparison.Ordinal)) value = value["whsec_".Length..];
            try
            {
                var bytes = Convert.FromBase64String(value);
                if (bytes.Length >= 32) return bytes;
            }
            catch (FormatException) { }
            errors.Add($"{key} must be at least 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
            return [];
        }
        Uri? OptionalUri(string key)
        {
            var value = config[key];
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri)
                && (uri.Scheme == "http" || uri.Scheme == "https"))
            {
                return uri;
            }
            errors.Add($"{key} must be an absolute http(s) URL, got '{value}'");
            return null;
        }
        int Int(string key, int fallback, int min, int max)
        {
            var value = config[key];
            if (string.IsNullOrWhiteSpace(value)) return fallback;
            if (int.TryParse(value, out var n) && n >= min && n <= max) return n;
            errors.Add($"{key} must be a whole number from {min} to {max}, got '{value}'");
            return fallback;
        }
        bool Bool(string key, bool fallback)
        {
            var value = config[key];
            if (string.IsNullOrWhiteSpace(value)) return fallback;
            if (bool.TryParse(value, out var b)) return b;
            errors.Add($"{key} must be true or false, got '{value}'");
            return fallback;
        }

        string? Sha256Pin(string key)
        {
            var value = config[key]?.Replace(":", "", StringComparison.Ordinal).Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.Length == 64 && value.All(char.IsAsciiHexDigit)) return value.ToUpperInvariant();
            errors.Add($"{key} must be a certificate's SHA-256 fingerprint (64 hex digits, colons allowed), got '{config[key]}'");
            return null;
        }

        var settings = new HotlineSettings
        {
            ConnectionString = config.GetConnectionString("Hotline") is { Length: > 0 } cs ? cs : Required("ConnectionStrings:Hotline"),
            TwilioAccountSid = Required("Twilio:AccountSid"),
            TwilioAuthToken = Required("Twilio:AuthToken"),
            TwilioNumber = Required("Twilio:PhoneNumber"),
            TwilioApiBaseUrl = OptionalUri("Twilio:ApiBaseUrl"),
            PublicBaseUrl = OptionalUri("Hotline:PublicBaseUrl"),
            FlowFile = DataFile(Required("Hotline:FlowFile"), contentRoot),
            PathwayFile = DataFile(Required("Hotline:PathwayFile"), contentRoot),
            AgenciesSeedFile = DataFile(Required("Hotline:AgenciesSeedFile"), contentRoot),
            PublicPagesFile = DataFile(config["Hotline:PublicPagesFile"] is { Length: > 0 } p ? p : "flows/public-pages.yaml", contentRoot),
            QuickExitUrl = OptionalUri("Hotline:QuickExitUrl") ?? new Uri("https://www.weather.gov"),
            TipMinimumTime = TimeSpan.FromSeconds(Int("Hotline:TipMinimumSeconds", 3, 0, 600)),
            EmergencyNumber = config["Hotline:EmergencyNumber"] is { Length: > 0 } e ? e : null,
            BackupLine = config["Hotline:BackupLine"] is { Length: > 0 } b ? b : null,
            CallerHashKey = Secret("Hotline:CallerHashKey"),
            AgencyWebhookSecret = Secret("Agencies:WebhookSigningSecret"),
            SupervisorPhone = Required("Hotline:SupervisorPhone"),
            HangfireServerEnabled = Bool("Hangfire:ServerEnabled", true),
            HangfireWorkerCount = Int("Hangfire:WorkerCount", 4, 1, 64),
            MigrateOnStartup = Bool("Database:MigrateOnStartup", true),
            AdminEmail = config["Admin:Email"],
            AdminPassword = config["Admin:Password"],
            Smtp = new SmtpSettings
            {
                Host = config["Smtp:Host"],
                Port = Int("Smtp:Port", 25, 1, 65535),
                From = config["Smtp:From"] ?? "referrals@hotline.invalid",
                UserName = config["Smtp:UserName"],
                Password = config["Smtp:Password"],
                UseTls = Bool("Smtp:UseTls", true),
                TrustedCertificateSha256 = Sha256Pin("Smtp:TrustedCertificateSha256"),
            },
            RetentionDaysOverride = config["Retention:Days"] is { Length: > 0 } ? Int("Retention:Days", 0, 1, 36500) : null,
            UnresolvedReferralAlertInterval = TimeSpan.FromMinutes(Int("Hotline:UnresolvedReferralAlertMinutes", 30, 5, 1440)),
            WhatsAppTemplates = ByLanguage(config.GetSection("Hotline:WhatsApp:Templates")),
            WhatsAppTemplatePreviews = ByLanguage(config.GetSection("Hotline:WhatsApp:TemplatePreview")),
        };
        foreach (var file in new[]
            { ("Hotline:FlowFile", settings.FlowFile), ("Hotline:PathwayFile", settings.PathwayFile),
                ("Hotline:AgenciesSeedFile", settings.AgenciesSeedFile), ("Hotline:PublicPagesFile", settings.PublicPagesFile) })
        {
            if (file.Item2.Length > 0 && !File.Exists(file.Item2))
            {
                errors.Add(
                    $"{file.Item1} points to '{file.Item2}', which does not exist (working directory {Environment.CurrentDirectory})");
            }
        }
        if (errors.Count > 0)
            throw new ConfigurationException("Configuration error: " + string.Join("; ", errors));
        return settings;
    }

    /// <summary>A language -> text section ("en": "HX...", "es": "HX..."), blank values left out.</summary>
    private static Dictionary<string, string> ByLanguage(IConfigurationSection section) =>
        section.GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Data files (flows, pathway, agencies) are found relative to the content root or one of its parents,
    /// so the service runs from the repository, from src/Hotline.Web, or from a container's /app alike.
    /// </summary>
    private static string DataFile(string path, string contentRoot)
    {
        if (path.Length == 0 || Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}

public sealed record SmtpSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string From { get; init; } = "";
    public string? UserName { get; init; }
    public string? Password { get; init; }
    /// <summary>STARTTLS (or TLS on connect on port 465), required: mail is never sent in clear unless this is false.</summary>
    public bool UseTls { get; init; } = true;
    /// <summary>
    /// Optional SHA-256 fingerprint of the one certificate trusted besides the system's CAs: a private relay's
    /// self-signed certificate, or the tests' throw-away SMTP server. Never "accept any certificate".
    /// </summary>
    public string? TrustedCertificateSha256 { get; init; }
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
