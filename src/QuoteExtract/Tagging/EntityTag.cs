namespace QuoteExtract.Tagging;

/// <summary>Position of a token within an entity (BILOU scheme).</summary>
internal enum BilouPosition : byte
{
    /// <summary>Outside any entity.</summary>
    Outside = 0,
    /// <summary>First token of a multi-token entity.</summary>
    Begin,
    /// <summary>Inner token of a multi-token entity.</summary>
    Inside,
    /// <summary>Last token of a multi-token entity.</summary>
    Last,
    /// <summary>A single-token entity.</summary>
    Unit,
}

/// <summary>The entity label of one token: BILOU position and entity type.</summary>
/// <param name="Position">Where the token is in its entity.</param>
/// <param name="Type">The entity type (<see cref="EntityType.None"/> when outside).</param>
internal readonly record struct EntityTag(BilouPosition Position, EntityType Type)
{
    public static EntityTag Outside => default;
}
