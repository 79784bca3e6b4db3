using Hotline.Core.Callers;
using Hotline.Core.Flows;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony;

/// <summary>Twilio voice webhooks. Thin: parse the form, hand one step to the intake, return TwiML.</summary>
[Route("twilio/voice")]
public sealed class VoiceController(CallIntake intake, CallProgress progress, Flow flow) : TwilioController
{
    [HttpPost("incoming")]
    public async Task<IActionResult> Incoming(CancellationToken ct) =>
        CallWebhook.FromForm(Form) is { } call ? Twiml(await intake.IncomingAsync(call, ct)) : Unusable();

    [HttpPost("gather")]
    public async Task<IActionResult> Gather([FromQuery] string? step, CancellationToken ct)
    {
        if (CallWebhook.FromForm(Form) is not { } call) return Unusable();
        var input = new CallerInput(FormValues.Short(Form["Digits"], 32), FormValues.Short(Form["SpeechResult"], 500));
        return Twiml(await intake.GatherAsync(call, FormValues.IntOrNull(step), input, ct));
    }

    [HttpPost("queue-wait")]
    public async Task<IActionResult> QueueWait([FromQuery] string? lang, CancellationToken ct) =>
        Twiml(await progress.QueueWaitAsync(
            CallWebhook.FromForm(Form)?.CallSid, lang,
            FormValues.IntOrNull(Form["QueuePosition"]) ?? 1, FormValues.IntOrNull(Form["QueueTime"]) ?? 0,
            numberWithheld: CallerNumber.IsWithheld(Form["From"]), ct));

    [HttpPost("queue-callback")]
    public async Task<IActionResult> QueueCallback(CancellationToken ct) =>
        CallWebhook.FromForm(Form) is { } call
            ? Twiml(await progress.QueueCallbackAsync(call, FormValues.Short(Form["Digits"], 8), ct))
            : Twiml(new Twilio.TwiML.VoiceResponse());

    [HttpPost("queue-result")]
    public async Task<IActionResult> QueueResult(CancellationToken ct) =>
        CallWebhook.FromForm(Form) is { } call
            ? Twiml(await progress.QueueResultAsync(call, FormValues.Short(Form["QueueResult"], 20), ct))
            : Unusable();

    [HttpPost("recording")]
    public async Task<IActionResult> Recording(CancellationToken ct) =>
        CallWebhook.FromForm(Form) is { } call ? Twiml(await progress.RecordingAsync(call, RecordingOf(Form), ct)) : Unusable();

    [HttpPost("recording-status")]
    public async Task<IActionResult> RecordingStatus(CancellationToken ct)
    {
        if (CallWebhook.FromForm(Form) is { } call) await progress.RecordingStatusAsync(call, RecordingOf(Form), ct);
        return NoContent();
    }

    [HttpPost("status")]
    public async Task<IActionResult> Status(CancellationToken ct)
    {
        var status = FormValues.Short(Form["CallStatus"], 20);
        if (CallWebhook.FromForm(Form) is { } call && CallStatuses.IsKnown(status)) await progress.StatusAsync(call, status!, ct);
        return NoContent();
    }

    /// <summary>A signed request we cannot place (no CallSid): still never leave a caller in silence.</summary>
    private ContentResult Unusable() => Twiml(VoiceTwiml.TechnicalProblem(flow));

    private static Recording RecordingOf(IFormCollection form) => new(
        FormValues.Short(form["RecordingSid"], 64), FormValues.Short(form["RecordingUrl"], 300),
        FormValues.IntOrNull(form["RecordingDuration"]));
}
