namespace Hall.KioskApp.HallServer;

/// <summary>The hall server could not be reached or did not answer properly.</summary>
public sealed class HallServerUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
