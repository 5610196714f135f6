namespace GamesDrop.BuildingBlocks.Components;

/// <summary>Section <c>GamesDrop</c> as the component reader uses it.</summary>
public sealed class ComponentsOptions
{
    public const string Section = "GamesDrop";

    /// <summary>
    /// The folder of the Dapr component files, relative to the content root; unset, the first <c>components/</c> with a
    /// <c>resiliency.yaml</c> above it (<see cref="ComponentCatalog.LocateFolder"/>).
    /// </summary>
    public string? ComponentsPath { get; set; }
}
