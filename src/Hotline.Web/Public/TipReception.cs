using Hotline.Core.Hours;
using Hotline.Core.Public;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;

namespace Hotline.Web.Public;

/// <summary>
/// The steps of a posted tip, in order: read the body within limits, drop a bot's (honeypot: pretend success,
/// store nothing), refuse what came too fast or without a valid stamp, check the fields, then hand the tip to
/// <see cref="TipIntake"/>. The controller only turns the outcome into a page.
/// </summary>
public sealed class TipReception(
    PublicPages pages, Jurisdictions jurisdictions, TipFormStamp stamps, TipIntake intake, HotlineSettings settings,
    ILogger<TipReception> log)
{
    public const string Path = "/tip";

    public sealed record Outcome(TipPage? Page, int StatusCode, string Language)
    {
        public bool Received => Page is null;
    }

    public async Task<TipPage> BlankAsync(HttpRequest request, string? chosenLanguage, CancellationToken ct) =>
        await PageAsync(pages.LanguageOf(request, chosenLanguage), new TipForm(), ct);

    public TipThanksPage Thanks(HttpRequest request, string? chosenLanguage) =>
        new(pages.Chrome(pages.LanguageOf(request, chosenLanguage), Path + "/thanks"));

    public async Task<Outcome> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        var post = await TipPost.ReadAsync(request, ct);
        if (post.Form is not { } form)
        {
            var language = pages.LanguageOf(request, request.Query[TipForm.LanguageField]);
            var problem = post.Problem == TipPostProblem.NotAForm ? PublicTextKeys.ErrorNotAForm : PublicTextKeys.ErrorTooLarge;
            var status = post.Problem == TipPostProblem.NotAForm
                ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status413PayloadTooLarge;
            return new(await PageAsync(language, new TipForm(), ct) with { FormProblem = problem }, status, language);
        }

        var chosen = pages.LanguageOf(request, form[TipForm.LanguageField]);
        var known = await jurisdictions.AllAsync(ct);
        var tip = TipForm.Read(form, known, [.. pages.Texts.Flow.CallbackWindows.Keys]);
        if (tip.Honeypot.Length > 0)
        {
            log.LogInformation("A web tip filled the honeypot field; answered as received, nothing stored");
            return new(null, StatusCodes.Status200OK, chosen);
        }
        var age = stamps.AgeOf(form[TipForm.StampField]);
        if (age is null || age < settings.TipMinimumTime)
        {
            return new(await PageAsync(chosen, tip, ct, known) with { FormProblem = PublicTextKeys.ErrorTooFast },
                StatusCodes.Status400BadRequest, chosen);
        }
        var problems = tip.Problems();
        if (problems.Count > 0)
            return new(await PageAsync(chosen, tip, ct, known) with { Problems = problems }, StatusCodes.Status400BadRequest, chosen);

        await intake.ReceiveAsync(tip, chosen, ct);
        return new(null, StatusCodes.Status200OK, chosen);
    }

    private async Task<TipPage> PageAsync(string language, TipForm form, CancellationToken ct, IReadOnlyList<string>? known = null)
    {
        var chrome = pages.Chrome(language, Path);
        var safeTimes = pages.Texts.Flow.CallbackWindows
            .Select(w => (w.Key, chrome.T(PublicTextKeys.TipSafeTimeWindow, new Dictionary<string, string>
            {
                ["hours"] = string.Join(", ", w.Value.Windows.Select(x => HoursText.Times(x.Opens, x.Closes)).Distinct()),
            })))
            .ToList();
        return new TipPage(chrome, form, stamps.Issue(), known ?? await jurisdictions.AllAsync(ct), safeTimes);
    }
}
