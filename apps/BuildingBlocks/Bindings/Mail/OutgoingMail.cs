namespace GamesDrop.BuildingBlocks.Bindings.Mail;

/// <summary>A mail in plain text and simple HTML. It may carry one-time links, so the record does not print its bodies.</summary>
public sealed record OutgoingMail(string From, string To, string Subject, string Text, string Html)
{
    public override string ToString() => $"OutgoingMail {{ To = {To}, Subject = {Subject} }}";
}
