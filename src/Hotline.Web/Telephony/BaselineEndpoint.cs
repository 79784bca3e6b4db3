using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Hotline.Web.Telephony;

/// <summary>Keeps <see cref="BaselineController"/> out of the app (not routed at all) unless the benchmark asks for it.</summary>
public sealed class BaselineEndpoint : IApplicationFeatureProvider<ControllerFeature>
{
    public const string SettingKey = "Benchmark:BaselineEndpoint";

    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature) =>
        feature.Controllers.Remove(typeof(BaselineController).GetTypeInfo());
}
