using System.Collections.Concurrent;
using Orleans.Reminders.Diagnostics;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>
/// When Orleans' reminder machinery is ready for a test to move the fake clock, from its reminder
/// diagnostics. A silo's reminder service loads its share of the table in the background after the
/// silo starts, and a reminder arms the wait for its next tick a moment after its row is written (or
/// after a silo takes it over). Moving the clock before either would schedule the tick from the new
/// time and never fire it, so tests wait here first.
/// </summary>
internal static class ReminderReadiness
{
    private static readonly ConcurrentDictionary<SiloAddress, bool> Started = new();
    private static readonly ConcurrentDictionary<(GrainId Grain, SiloAddress? Silo), bool> Armed = new();
    private static readonly ConcurrentQueue<string> History = new();
    private static readonly Lazy<IDisposable[]> Subscriptions = new(() =>
    [
        ReminderEvents.ServiceEvents.Subscribe(new Recorder<ReminderEvents.ReminderServiceEvent>(value =>
        {
            if (value is ReminderEvents.ReminderServiceStarted { SiloAddress: { } silo })
            {
                Started[silo] = true;
            }
        })),
        ReminderEvents.AllEvents.Subscribe(new Recorder<ReminderEvents.ReminderEvent>(value =>
        {
            History.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {Describe(value)}");
            if (value is ReminderEvents.LocalReminderTickWaitArmed armed)
            {
                Armed[(armed.GrainId, armed.SiloAddress)] = true;
            }
        })),
    ]);

    /// <summary>Starts recording reminder events; call it before the silos start.</summary>
    public static void Listen() => _ = Subscriptions.Value;

    /// <summary>Waits until the silo's reminder service has loaded its reminders and started.</summary>
    public static Task WaitForServiceAsync(SiloAddress silo) => Eventually.ReturnsAsync(
        () => Task.FromResult(Started.ContainsKey(silo)), started => started, $"the reminder service of {silo} to start");

    /// <summary>Waits until the grain's reminder has armed a tick wait on <paramref name="silo"/> (any silo when null).</summary>
    public static Task WaitForTickArmedAsync(GrainId grain, SiloAddress? silo = null) => Eventually.ReturnsAsync(
        () => Task.FromResult(Armed.Keys.Any(key => key.Grain == grain && (silo is null || key.Silo == silo))),
        armed => armed,
        $"the reminder of {grain} to arm its next tick{(silo is null ? "" : $" on {silo}")}");

    /// <summary>Every reminder event of the grain so far, one a line: what a test that waited in vain reports.</summary>
    public static string HistoryOf(GrainId grain) => string.Join(Environment.NewLine, History.Where(line => line.Contains(grain.ToString(), StringComparison.Ordinal)));

    private static string Describe(object value)
    {
        var type = value.GetType();
        var members = type.GetProperties().Select(p => (p.Name, Value: p.GetValue(value)))
            .Concat(type.GetFields().Select(f => (f.Name, Value: f.GetValue(value))));
        return $"{type.Name} {string.Join(", ", members.Select(m => $"{m.Name}={m.Value}"))}";
    }

    private sealed class Recorder<T>(Action<T> record) : IObserver<T>
    {
        public void OnNext(T value) => record(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
