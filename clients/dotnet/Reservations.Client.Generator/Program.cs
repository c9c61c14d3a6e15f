using Reservations.Client.Generator;

// Usage: Reservations.Client.Generator <clients/openapi.json> <output folder>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Reservations.Client.Generator <openapi.json> <output folder>");
    return 2;
}

var files = await ClientGenerator.GenerateAsync(await File.ReadAllTextAsync(args[0]));
Directory.CreateDirectory(args[1]);
foreach (var (name, text) in files)
{
    await File.WriteAllTextAsync(Path.Combine(args[1], name), text);
}

Console.WriteLine($"wrote {files.Count} files to {args[1]}");
return 0;
