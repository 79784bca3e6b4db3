using QRCoder;

namespace Hotline.Web.Operators;

/// <summary>
/// The enrolment QR code, drawn here as SVG: the secret never leaves the server for a chart service, and as an
/// &lt;img&gt; data URI it needs neither inline script nor inline style (img-src allows data:).
/// </summary>
public static class AuthenticatorQr
{
    public static string Svg(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(6);
    }

    public static string DataUri(string otpAuthUri) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg(otpAuthUri)));
}
