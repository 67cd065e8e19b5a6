using Emulator.Commercetools.Store;
using Microsoft.Data.Sqlite;

namespace Emulator.Commercetools.Persistence;

/// <summary>
/// Write-through SQLite backing for <c>--data file</c>: every committed document is upserted (row order keeps creation
/// order), deletes remove the row, and the store is reloaded from the file at startup. Tokens are not persisted.
/// </summary>
internal sealed class SqlitePersistence : IResourcePersistence, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public SqlitePersistence(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS resources (
                type_id TEXT NOT NULL,
                id TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (type_id, id));
            """;
        command.ExecuteNonQuery();
    }

    public void Save(string typeId, StoredResource resource)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO resources (type_id, id, json) VALUES ($type, $id, $json)
                ON CONFLICT (type_id, id) DO UPDATE SET json = excluded.json;
                """;
            command.Parameters.AddWithValue("$type", typeId);
            command.Parameters.AddWithValue("$id", resource.Id);
            command.Parameters.AddWithValue("$json", resource.Body.GetRawText());
            command.ExecuteNonQuery();
        }
    }

    public void Delete(string typeId, string id)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM resources WHERE type_id = $type AND id = $id;";
            command.Parameters.AddWithValue("$type", typeId);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }
    }

    public IEnumerable<(string TypeId, string Id, string Json)> LoadAll()
    {
        var rows = new List<(string, string, string)>();
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT type_id, id, json FROM resources ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return rows;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
