namespace GamesDrop.Contracts;

/// <summary>Names of the Dapr components in <c>components/</c> that code refers to.</summary>
public static class DaprComponents
{
    public const string PubSub = "pubsub";
    public const string StateStore = "statestore";
    public const string SecretStore = "secretstore";
}
