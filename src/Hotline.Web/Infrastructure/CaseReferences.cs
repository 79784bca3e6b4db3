using System.Security.Cryptography;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Case references are read out on the phone and sent to agencies, so they are short, unambiguous
/// (no 0/O or 1/I), carry no personal data and are not guessable in sequence.
/// </summary>
public static class CaseReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"HL-{now:yy}-{code}";
    }
}
