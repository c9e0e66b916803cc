using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.ServiceGuides;

/// <summary>Settings under <c>Guides:</c>: where the hall keeps the sample forms (空白表格、示范文本) its guides link to.</summary>
public sealed class SampleFormsOptions : IValidatableObject
{
    public const string Section = "Guides";

    /// <summary>
    /// The folder of form files served at <c>/forms/{name}</c>; by default <c>forms</c> beside the program, which holds
    /// the demo hall's forms. A hall puts its own there or names another folder.
    /// </summary>
    public string? FormsDirectory { get; set; }

    public string ResolvedDirectory => FormsDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "forms");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FormsDirectory is { Length: > 0 } && !Directory.Exists(ResolvedDirectory))
        {
            yield return new ValidationResult($"Guides:FormsDirectory: the folder '{FormsDirectory}' does not exist.", [nameof(FormsDirectory)]);
        }
    }
}
