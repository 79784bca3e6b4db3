using Hotline.Core.Public;
using Hotline.Core.Tests.Flows;
using Hotline.Core.Yaml;

namespace Hotline.Core.Tests.Public;

public class PublicTextsLoaderTests
{
    private static string ShippedFile => Path.Combine(FlowFixtures.FlowsDirectory, "public-pages.yaml");

    [Fact]
    public void ShippedTexts_EveryShippedFlow_HasEveryTextInEveryLanguage()
    {
        foreach (var flow in new[] { FlowFixtures.National, FlowFixtures.Uk })
        {
            var texts = PublicTextsLoader.LoadFile(ShippedFile, flow);
            foreach (var language in flow.Languages)
            {
                Assert.All(PublicTextKeys.All, key => Assert.False(string.IsNullOrWhiteSpace(texts.Get(key, language))));
            }
        }
    }

    [Fact]
    public void Texts_FillTheFlowsEmergencyNumber()
    {
        var texts = PublicTextsLoader.LoadFile(ShippedFile, FlowFixtures.National.WithOverrides("112", null));
        Assert.Contains("112", texts.Get(PublicTextKeys.Emergency, "es"));
    }

    [Fact]
    public void Texts_MissingALanguageOfTheFlow_FailWithFileLineAndLanguage()
    {
        var yaml = File.ReadAllText(ShippedFile).Replace("  tip_send: {en: Send the report, es: Enviar el reporte,",
            "  tip_send: {en: Send the report,");
        var error = Assert.Throws<YamlFileException>(() => PublicTextsLoader.Load(yaml, "public-pages.yaml", FlowFixtures.National));
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("  tip_send:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"public-pages.yaml:{line}", error.Message);
        Assert.Contains("no 'es' text", error.Message);
    }

    [Fact]
    public void Texts_UnknownOrMissingKey_FailStartUp()
    {
        var yaml = File.ReadAllText(ShippedFile).Replace("  thanks_title:", "  thank_title:");
        var error = Assert.Throws<YamlFileException>(() => PublicTextsLoader.Load(yaml, "public-pages.yaml", FlowFixtures.National));
        Assert.Contains("unknown text 'thank_title'", error.Message);
        Assert.Contains("missing text 'thanks_title'", error.Message);
    }
}
