using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>Section <c>Actors</c>: how often <see cref="ReminderPoller"/> looks for due reminders.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Actors";

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
