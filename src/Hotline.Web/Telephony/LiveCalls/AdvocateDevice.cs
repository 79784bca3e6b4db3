namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>Where the advocate answers: their operator phone, or the console's softphone (a Twilio Client identity).</summary>
public enum AdvocateDevice
{
    Phone,
    Browser,
}

public static class AdvocateDevices
{
    /// <summary>The take-call forms' <c>device</c> field: "browser" answers in the console, anything else by phone.</summary>
    public static AdvocateDevice Parse(string? value) =>
        string.Equals(value?.Trim(), "browser", StringComparison.OrdinalIgnoreCase) ? AdvocateDevice.Browser : AdvocateDevice.Phone;
}
