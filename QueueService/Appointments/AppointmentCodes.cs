using System.Security.Cryptography;

namespace Hall.QueueService.Appointments;

/// <summary>
/// Booking codes: 8 characters from 32 that cannot be mistaken for one another (no 0/O, 1/I), random from a
/// cryptographic source, so a code is easy to read out and type at a kiosk but cannot be guessed (32^8 ≈ 10^12).
/// </summary>
public static class AppointmentCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 8;

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>As typed: case, spaces and dashes do not matter.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static bool LooksValid(string code) => code.Length == Length && code.All(Alphabet.Contains);
}
