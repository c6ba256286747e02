import Testing
@testable import Entente
import EntenteExact

@Suite struct ExactBalanceTests {
    @Test func loads() throws {
        try CBCSolver.load()
    }
}
