namespace Hotline.Web.Infrastructure;

/// <summary>A missing or invalid setting. Start-up prints its message as one line and exits.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
