using System.Net;
using System.Text.RegularExpressions;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Console;

/// <summary>Every console route, found by reflection over the registered controllers, is locked the way §3 says.</summary>
public partial class ConsoleRouteTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public sealed record ConsoleRoute(string Method, string Path, bool Anonymous, string? Policy)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private IReadOnlyList<ConsoleRoute> Routes()
    {
        var actions = fixture.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.ControllerTypeInfo.Namespace == typeof(BoardController).Namespace
                        || a.ControllerTypeInfo.FullName == "Hotline.Web.Referrals.AgenciesController"
                        || a.ControllerTypeInfo.FullName == "Hotline.Web.Referrals.Hsds.AgencyHsdsController");
        var routes = new List<ConsoleRoute>();
        foreach (var a in actions)
        {
            var path = "/" + Parameter().Replace(a.AttributeRouteInfo!.Template!, Guid.NewGuid().ToString()).TrimStart('/');
            var methods = a.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList() ?? [];
            var anonymous = a.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var policy = a.EndpointMetadata.OfType<IAuthorizeData>().Select(d => d.Policy).LastOrDefault(p => p is not null);
            foreach (var method in methods.DefaultIfEmpty("GET")) routes.Add(new ConsoleRoute(method, path, anonymous, policy));
        }
        return routes;
    }

    [Fact]
    public void Routes_Enumerated_CoverEveryConsoleArea()
    {
        var paths = Routes().Select(r => r.Path).ToList();
        foreach (var expected in new[] { "/", "/board/live", "/cases", "/dashboard", "/audit", "/flows", "/users", "/account/sign-in" })
            Assert.Contains(expected, paths);
        Assert.Contains(Routes(), r => r.Method == "POST" && r.Path.StartsWith("/board/take/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRoute_Anonymous_RedirectsToSignIn()
    {
        var client = ConsoleClient.Anonymous(fixture.App);
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route}: {response.StatusCode}");
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task SupervisorAndAdminRoutes_Operator_Forbidden()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);
        var guarded = Routes().Where(r => r.Policy is Policies.Supervisor or Policies.Admin).ToList();
        Assert.NotEmpty(guarded);
        foreach (var route in guarded)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied"),
                $"{route}: {response.StatusCode} {response.Headers.Location}");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        }
        // ...while the operator's own pages open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task EveryPost_WithoutAntiforgeryToken_BadRequest()
    {
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var posts = Routes().Where(r => r.Method == "POST").ToList();
        Assert.NotEmpty(posts);
        foreach (var route in posts)
        {
            var response = await client.PostAsync(route.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {response.StatusCode}");
        }
        // Still signed in: the token-less sign-out did nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
