namespace Reservations.Runtime.Hosting;

/// <summary>One storage provider: grain state, unique records, reminders and its schema.</summary>
public interface ISiloStorage : IGrainStorage, IRecordStore, IReminderTable, IStorageSchema;
