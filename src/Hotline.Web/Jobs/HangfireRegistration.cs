using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hotline.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Web.Jobs;

public static class HangfireRegistration
{
    public static IServiceCollection AddHotlineJobs(this IServiceCollection services, HotlineSettings settings)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            // Installed by StartupTasks after the database exists (the storage's own attempt sleeps
            // in a retry loop while the database is missing, and the dashboard builds it early).
            PrepareSchemaIfNecessary = false,
            // A callback or escalation due now should not wait for a 15 s poll.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        // One storage per host, resolved from DI. Hangfire's own registration hands out the static
        // JobStorage.Current, which two hosts in one process (tests, tools) would share.
        services.AddSingleton(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(settings.ConnectionString, options), options));
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<PostgreSqlStorage>()));
        services.Replace(ServiceDescriptor.Singleton<JobStorage>(sp => sp.GetRequiredService<PostgreSqlStorage>()));
        services.AddScoped<CallbackDueJob>();
        services.AddScoped<PromiseSweepJob>();
        services.AddScoped<PromiseFinder>();
        services.AddScoped<PromiseKeeper>();
        services.AddScoped<SmsExpiryJob>();
        services.AddScoped<IntakeEndedJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<QueueReconcileJob>();
        services.AddSingleton<PromiseDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PromiseDispatcher>());
        services.AddSingleton<Infrastructure.IStartupSeeder, RecurringJobs>();
        if (settings.HangfireServerEnabled)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = settings.HangfireWorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(2);
                o.Queues = ["critical", "default"];
            });
        }
        return services;
    }
}
