namespace Hotline.Web.Telephony.Voicemail;

/// <summary>Where a caller's voicemail is fetched from and played.</summary>
public static class VoicemailRecording
{
    /// <summary>
    /// Twilio's RecordingUrl names the recording without a format (it then answers WAV); ".mp3" asks for MP3, a tenth
    /// of the size and playable by every browser's audio element.
    /// </summary>
    public static string Mp3Url(string recordingUrl)
    {
        var path = recordingUrl.Split('?', 2)[0];
        return path.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)
            ? recordingUrl
            : path + ".mp3";
    }

    /// <summary>The case page's address of the recording (served by <see cref="VoicemailController"/>).</summary>
    public static string ListenPath(Guid caseId, Guid contactId) => $"/cases/{caseId}/contacts/{contactId}/recording";
}
