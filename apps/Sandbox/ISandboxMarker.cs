namespace GamesDrop.Sandbox;

/// <summary>Names this assembly's entry point for WebApplicationFactory where other apps' Program is in scope too.</summary>
public interface ISandboxMarker;
