namespace Hall.DisplayBoard.Voice;

/// <summary>One call to be spoken: the words and what they are about (for file names and logs).</summary>
public sealed record Announcement(string Number, int WindowNumber, string Text, DateTimeOffset CalledAt);
