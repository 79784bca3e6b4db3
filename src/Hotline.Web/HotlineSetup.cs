using Hangfire;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Health;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Live;
using Hotline.Web.Observability;
using Hotline.Web.Operators;
using Hotline.Web.Public;
using Hotline.Web.Public.Chat;
using Hotline.Web.Referrals;
using Hotline.Web.Reports;
using Hotline.Web.Telephony;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Hotline.Web;

/// <summary>Service registration and the request pipeline, in one place so tests and tools build the same host.</summary>
public static class HotlineSetup
{
    public static void AddHotline(this WebApplicationBuilder builder)
    {
        var settings = HotlineSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new CallerHasher(settings.CallerHashKey));
        // Flows and pathway rules are data, loaded and validated once: a bad file stops start-up with file:line: reason.
        var flow = FlowLoader.LoadFile(settings.FlowFile).WithOverrides(settings.EmergencyNumber, settings.BackupLine);
        services.AddSingleton(flow);
        services.AddSingleton(new IntakeEngine(flow));
        services.AddSingleton(PathwayPolicy.LoadFile(settings.PathwayFile));
        services.AddHttpContextAccessor();
        // First hosted service: the database must be migrated before Data Protection loads its key ring
        // from it and before the Hangfire server starts.
        services.AddHostedService<StartupTasks>();

        services.AddDataProtection()
            .SetApplicationName("HotlineService")
            .PersistKeysToDbContext<HotlineDbContext>()
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);
        services.AddSingleton<PersonalDataProtector>();
        // The benchmark counts SQL round trips per webhook; nothing is intercepted otherwise.
        var sqlCounter = builder.Configuration.GetValue<bool>("Benchmark:CountSqlRoundTrips") ? new SqlRoundTripCounter() : null;
        if (sqlCounter is not null) services.AddSingleton(sqlCounter);
        // Pooled: webhooks are many and short, and a fresh IdentityDbContext (options, services, state) per
        // request was a large share of each webhook's allocations. Pooled contexts are reset between requests.
        // One connection pool for EF and the hand-written webhook statements (ContactStore).
        var database = new NpgsqlDataSourceBuilder(WebhookConnectionString.For(settings.ConnectionString)).Build();
        services.AddSingleton(_ => database); // by factory, so the container disposes it (and its idle connections)
        services.AddSingleton<ContactStore>();
        services.AddDbContextPool<HotlineDbContext>(o =>
        {
            o.UseNpgsql(database, npgsql => npgsql.EnableRetryOnFailure(0))
                .ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();
        });
        services.AddScoped<Audit>();

        services.AddIdentity<HotlineUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<HotlineDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "hotline.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle timeout: an unattended console signs itself out (the live board's polling keeps an open board alive).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Console, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            // Secure by default: anything not marked otherwise needs a signed-in user with a role.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(Roles.All).Build());
        services.AddAntiforgery(o => o.Cookie.Name = "hotline.xsrf");
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddProblemDetails();
        services.AddHotlineRateLimits(builder.Configuration);

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in (builder.Configuration["Hotline:KnownProxies"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        services.AddTwilioRestClient(settings);
        services.AddTelephony();
        services.AddLiveCalls(builder.Configuration);
        services.AddConversations();
        services.AddConversationMedia(settings);
        services.AddOperatorConsole();
        services.AddStaffTwoFactor(builder.Configuration);
        services.AddConsoleLive();
        services.AddWebChat(builder.Configuration);
        services.AddHotlineJobs(settings);
        services.AddReferrals();
        services.AddAgencyDirectoryHsds();
        services.AddHotlineReports(builder.Configuration);
        services.AddPublicPages(settings, flow);
        services.AddCallbacksAndSoftphone(builder.Configuration);
        builder.AddHotlineObservability();
        services.AddAgencyApiDocument();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<HangfireStorageCheck>("jobs", tags: ["ready"])
            .AddCheck<TwilioSignatureCheck>("twilio-signatures", tags: ["ready"])
            .AddCheck<EmailChannelsCheck>("email-channels", tags: ["ready"])
            .AddCheck<SupervisorAlertsCheck>("supervisor-alerts", tags: ["ready"]);
    }

    public static void UseHotline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // sent only on HTTPS responses
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseWebhookTiming();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaffTwoFactor();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHangfireDashboardWithNoAuthorizationFilters(
            "/hangfire", new DashboardOptions { DashboardTitle = ConsoleClock.JobsTitle(app.Services), AppPath = "/" })
            .RequireAuthorization(Policies.Supervisor);
        app.MapControllers();
        app.MapHotlineObservability();
        app.MapAgencyApiDocument();
        app.MapConsoleLive();
        app.MapWebChat();
    }
}
