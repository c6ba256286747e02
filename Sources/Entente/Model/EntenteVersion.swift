/// The version of Entente, the library and the `entente` tool (`entente --version` prints it).
public enum EntenteVersion {
    /// The version string, as semantic versioning spells it: `0.13.0`.
    public static let current = "0.13.0"
}
