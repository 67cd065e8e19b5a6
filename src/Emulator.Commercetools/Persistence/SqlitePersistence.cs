using Emulator.Commercetools.Store;
using Microsoft.Data.Sqlite;

namespace Emulator.Commercetools.Persistence;

/// <summary>
/// Write-through SQLite backing for <c>--data file</c>: every committed document is upserted (row order keeps creation
/// order), deletes remove the row, and the store is reloaded from the file at startup. Tokens are not persisted.
/// Writes are prepared statements on a primary-key B-tree in WAL mode (<c>synchronous = NORMAL</c>: a crash of the
/// process loses nothing, a power cut may lose the last commits), so their cost does not grow with the data.
/// </summary>
internal sealed class SqlitePersistence : IResourcePersistence, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;

    public SqlitePersistence(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS resources (
                type_id TEXT NOT NULL,
                id TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (type_id, id));
            """;
        command.ExecuteNonQuery();

        _upsert = _connection.CreateCommand();
        _upsert.CommandText = """
            INSERT INTO resources (type_id, id, json) VALUES ($type, $id, $json)
            ON CONFLICT (type_id, id) DO UPDATE SET json = excluded.json;
            """;
        _upsert.Parameters.Add("$type", SqliteType.Text);
        _upsert.Parameters.Add("$id", SqliteType.Text);
        _upsert.Parameters.Add("$json", SqliteType.Text);
        _upsert.Prepare();

        _delete = _connection.CreateCommand();
        _delete.CommandText = "DELETE FROM resources WHERE type_id = $type AND id = $id;";
        _delete.Parameters.Add("$type", SqliteType.Text);
        _delete.Parameters.Add("$id", SqliteType.Text);
        _delete.Prepare();
    }

    public void Save(string typeId, StoredResource resource)
    {
        lock (_gate)
        {
            _upsert.Parameters["$type"].Value = typeId;
            _upsert.Parameters["$id"].Value = resource.Id;
            _upsert.Parameters["$json"].Value = resource.Body.GetRawText();
            _upsert.ExecuteNonQuery();
        }
    }

    public void Delete(string typeId, string id)
    {
        lock (_gate)
        {
            _delete.Parameters["$type"].Value = typeId;
            _delete.Parameters["$id"].Value = id;
            _delete.ExecuteNonQuery();
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
            _upsert.Dispose();
            _delete.Dispose();
            _connection.Dispose();
        }
    }
}
