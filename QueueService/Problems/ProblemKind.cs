namespace Hall.QueueService.Problems;

/// <summary>
/// What kind of refusal a <see cref="HallProblem"/> is. The domain says only this; the API turns it into an HTTP
/// status (ProblemStatus), so no rule needs to know about HTTP.
/// </summary>
public enum ProblemKind
{
    /// <summary>The request itself is wrong (a missing or malformed field): 400.</summary>
    Invalid,

    /// <summary>No credential, or one that is not valid: 401.</summary>
    Unauthenticated,

    /// <summary>A valid credential that may not do this: 403.</summary>
    Forbidden,

    /// <summary>The thing addressed does not exist: 404.</summary>
    NotFound,

    /// <summary>The state of a ticket, window or booking does not allow it now: 409.</summary>
    Conflict,

    /// <summary>The request body is over its limit: 413.</summary>
    TooLarge,

    /// <summary>The body is not a type the endpoint accepts: 415.</summary>
    UnsupportedMediaType,

    /// <summary>Too many tries or requests; the answer says when to try again: 429.</summary>
    TooMany,
}
