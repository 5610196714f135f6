namespace GamesDrop.Embedded;

/// <summary>Names this assembly's entry point for WebApplicationFactory, where every app's Program is in scope.</summary>
public interface IEmbeddedHostMarker;
