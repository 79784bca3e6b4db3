using Microsoft.OpenApi;

namespace Hotline.Web.Referrals;

/// <summary>
/// The OpenAPI document of the agency API (AgencyReferralApiController), served at /openapi/agency-v1.json and checked in
/// as docs/openapi/agency-v1.json (README "OpenAPI"). Only controllers in the "agency-v1" group appear in it.
/// </summary>
public static class AgencyApiDocument
{
    public const string Name = "agency-v1";
    public const string Url = "/openapi/agency-v1.json";

    public static IServiceCollection AddAgencyApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = description => description.GroupName == Name; // not the chat's or the console's endpoints
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "HotlineService agency API",
                    Version = "v1",
                    Description = "Answers to a referral from an agency's own system. The {token} is the one in the referral's " +
                        "link (it is the credential: no cookies, no API key). See docs/agency-webhooks.md.",
                };
                // The host a request came in on is not part of the contract (and would make the checked-in file differ).
                document.Servers = [];
                return Task.CompletedTask;
            });
        });

    public static void MapAgencyApiDocument(this WebApplication app) =>
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
}
