namespace Hall.Hardware.IdCard;

/// <summary>What one step (find, select, read) or one whole find–select–read gave.</summary>
public abstract record IdCardReading
{
    private IdCardReading()
    {
    }

    /// <summary>Find answered <c>9F</c>: a card lies in the field.</summary>
    public sealed record CardFound : IdCardReading;

    /// <summary>Select and read succeeded; the text is decoded (the photo was not kept).</summary>
    public sealed record CardRead(IdCardHolder Card) : IdCardReading
    {
        public override string ToString() => $"CardRead {Card}";
    }

    /// <summary>Find answered <c>80</c>: no card on the reader.</summary>
    public sealed record NoCard : IdCardReading;

    /// <summary>
    /// The reader answered but the step failed: a card-related status (<c>81</c> select failed, <c>41</c> read failed),
    /// a protocol error (<c>10</c>, <c>21</c>, <c>24</c>, an unknown status), or data that does not fit the command.
    /// </summary>
    public sealed record Failed(IdCardCommand Command, int StatusWord, string Reason) : IdCardReading
    {
        /// <summary>A working reader reporting on the card (81, 41), as opposed to a line or reader in trouble.</summary>
        public bool IsCardProblem => StatusWord is IdCardStatus.SelectFailed or IdCardStatus.ReadFailed;
    }

    /// <summary>No valid answer within the time-out (nothing, garbage, a truncated or corrupted answer).</summary>
    public sealed record NoAnswer(IdCardCommand Command) : IdCardReading;
}
