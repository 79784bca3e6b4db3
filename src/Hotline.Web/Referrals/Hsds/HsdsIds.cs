using System.Security.Cryptography;
using System.Text;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// Stable HSDS ids for the objects an agency is spread over. The organization's id is the agency's own Guid (what
/// imports merge by); the service, location, phones, schedules and so on are name-based UUIDs (RFC 9562 version 8, from SHA-256)
/// under it, so the same agency exports the same ids every time without storing them.
/// </summary>
public static class HsdsIds
{
    public static Guid For(Guid parent, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        parent.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA256.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
